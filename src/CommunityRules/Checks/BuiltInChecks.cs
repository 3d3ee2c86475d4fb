using CommunityRules.Checks.BuiltIn;

namespace CommunityRules.Checks;

/// <summary>The checks that come with the package.</summary>
public static class BuiltInChecks
{
    /// <summary>Creates one instance of each built-in check.</summary>
    /// <returns>The checks: naming, description, admins and inactivity.</returns>
    public static IReadOnlyList<Check> Create() => [new NamingCheck(), new DescriptionCheck(), new AdminsCheck(), new InactivityCheck()];
}
