using CommunityRules.Checks;
using CommunityRules.Checks.BuiltIn;
using CommunityRules.Rules.Schema;

namespace CommunityRules.Tests.Checks;

/// <summary>The written-out lists that replace reflection at start-up stay complete.</summary>
public sealed class BuiltInChecksTests
{
    [Fact]
    public void The_built_in_checks_are_every_check_of_the_namespace_by_name()
    {
        var found = typeof(NamingCheck).Assembly.GetTypes()
            .Where(type => type.Namespace == typeof(NamingCheck).Namespace && typeof(Check).IsAssignableFrom(type) && !type.IsAbstract)
            .OrderBy(type => type.Name, StringComparer.Ordinal);

        Assert.Equal(found, BuiltInChecks.Types);
        Assert.Equal(BuiltInChecks.Types, BuiltInChecks.Create().Select(check => check.GetType()));
    }

    [Fact]
    public void Every_built_in_checks_options_are_read_with_source_generated_metadata()
    {
        foreach (var check in BuiltInChecks.Create())
        {
            Assert.Same(BuiltInOptionsJsonContext.Default, OptionsSchemas.SerializerOptions.GetTypeInfo(check.OptionsType).OriginatingResolver);
        }
    }
}
