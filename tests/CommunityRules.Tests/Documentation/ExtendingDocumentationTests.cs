using Contoso.Governance;
using CommunityRules.Engine;
using CommunityRules.Tests.Engine;

namespace CommunityRules.Tests.Documentation;

/// <summary>
/// docs/extending.md shows a check with a text detector of its own: the page's code is this folder's
/// <c>EmployeeNumberCheck.cs</c>, which the tests compile, and the page's rule loads with it and its examples pass.
/// </summary>
public sealed class ExtendingDocumentationTests
{
    private static readonly string Page = Path.Combine(TestPaths.RepoRoot, "docs", "extending.md");

    [Fact]
    public void The_employee_number_check_on_the_page_is_the_code_the_tests_compile()
    {
        var code = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "tests", "CommunityRules.Tests", "Documentation", "EmployeeNumberCheck.cs")).ReplaceLineEndings("\n");
        var page = File.ReadAllText(Page).ReplaceLineEndings("\n");

        Assert.Contains("```csharp\n" + code + "```\n", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_employee_number_rule_on_the_page_loads_and_its_examples_pass()
    {
        var page = File.ReadAllText(Page).ReplaceLineEndings("\n");
        var start = page.IndexOf("```yaml\nrules:\n  - id: HR001\n", StringComparison.Ordinal);
        Assert.True(start >= 0, "docs/extending.md has no rule HR001 for the employee number check.");
        var body = start + "```yaml\n".Length;
        var yaml = page[body..page.IndexOf("```", body, StringComparison.Ordinal)];

        var loaded = TestInputs.CreateLoader(new EmployeeNumberCheck()).LoadText(yaml, "hr.yaml");
        Assert.True(loaded.Success, "The rule in docs/extending.md does not load:\n" + string.Join('\n', loaded.Errors));
        var result = await new RuleExampleRunner(new RuleEngine(TimeProvider.System)).RunAsync(loaded.RuleSet!);

        Assert.True(result.Failures.Count == 0, "Examples in docs/extending.md fail:\n" + string.Join('\n', result.Failures));
        Assert.Equal(5, result.Passed);
    }
}
