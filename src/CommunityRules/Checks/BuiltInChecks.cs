using CommunityRules.Checks.BuiltIn;

namespace CommunityRules.Checks;

/// <summary>The checks that come with the package.</summary>
/// <remarks>The check classes themselves are internal: rule files and hosts select a check by its <see cref="Check.Kind"/>.</remarks>
public static class BuiltInChecks
{
    /// <summary>Gets the types of the built-in checks: every check in the <c>CommunityRules.Checks.BuiltIn</c> namespace, by name.</summary>
    /// <remarks>
    /// Written out rather than found with <c>Assembly.GetTypes()</c>, which loaded every type of the assembly in each
    /// run (benchmarks/README.md, "Fixed cost of a run"); a test keeps the list equal to the namespace's checks.
    /// </remarks>
    internal static IReadOnlyList<Type> Types { get; } =
    [
        typeof(AdminsCheck), typeof(CreationCheck), typeof(CrossPostingCheck), typeof(DescriptionCheck), typeof(DuplicatesCheck),
        typeof(InactivityCheck), typeof(LeadershipCheck), typeof(LengthCheck), typeof(LinksCheck), typeof(MembershipCheck),
        typeof(NamingCheck), typeof(PatternsCheck), typeof(PersonalDataCheck), typeof(PlacementCheck), typeof(PrivacyCheck),
        typeof(ShoutingCheck), typeof(TermsCheck), typeof(UnansweredCheck),
    ];

    /// <summary>Creates one instance of each built-in check.</summary>
    /// <returns>The checks, such as naming, description, admins and inactivity.</returns>
    public static IReadOnlyList<Check> Create() => [.. Types.Select(type => (Check)Activator.CreateInstance(type, nonPublic: true)!)];
}
