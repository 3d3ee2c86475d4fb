using CommunityRules.Checks.BuiltIn;

namespace CommunityRules.Checks;

/// <summary>The checks that come with the package.</summary>
/// <remarks>The check classes themselves are internal: rule files and hosts select a check by its <see cref="Check.Kind"/>.</remarks>
public static class BuiltInChecks
{
    /// <summary>Gets the types of the built-in checks: every check in the <c>CommunityRules.Checks.BuiltIn</c> namespace, by name.</summary>
    internal static IReadOnlyList<Type> Types { get; } =
        [.. typeof(NamingCheck).Assembly.GetTypes()
            .Where(type => type.Namespace == typeof(NamingCheck).Namespace && typeof(Check).IsAssignableFrom(type) && !type.IsAbstract)
            .OrderBy(type => type.Name, StringComparer.Ordinal)];

    /// <summary>Creates one instance of each built-in check.</summary>
    /// <returns>The checks, such as naming, description, admins and inactivity.</returns>
    public static IReadOnlyList<Check> Create() => [.. Types.Select(type => (Check)Activator.CreateInstance(type, nonPublic: true)!)];
}
