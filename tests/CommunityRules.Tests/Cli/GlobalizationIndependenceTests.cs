using System.Diagnostics;

namespace CommunityRules.Tests.Cli;

/// <summary>
/// The same findings with and without ICU, in any time zone and language: <c>communityrules check</c> runs in two child
/// processes, one with ICU, UTC and English, one with <c>DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1</c>,
/// <c>TZ=Pacific/Auckland</c> and <c>LANG=tr_TR.UTF-8</c>, and their JSON reports must be byte for byte the same. Both
/// environments are set explicitly, so the test means the same whatever environment the suite itself runs in.
/// </summary>
/// <remarks>
/// On the code before the shared folding tables this failed for the sample and the naming data: folding went through
/// <c>Normalize</c>, which without ICU leaves "ä" whole and does not compose "O" + U+0308, so a duplicates finding's
/// evidence moved (posts 0.01 became 0.00) and a blocked word typed with a combining mark was no longer found (23
/// warnings became 22).
/// </remarks>
public sealed class GlobalizationIndependenceTests
{
    private static readonly Dictionary<string, string> WithIcu = new(StringComparer.Ordinal)
    {
        ["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = "0",
        ["TZ"] = "UTC",
        ["LANG"] = "en_US.UTF-8",
        ["LC_ALL"] = "en_US.UTF-8",
    };

    private static readonly Dictionary<string, string> WithoutIcu = new(StringComparer.Ordinal)
    {
        ["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = "1",
        ["TZ"] = "Pacific/Auckland",
        ["LANG"] = "tr_TR.UTF-8",
        ["LC_ALL"] = "tr_TR.UTF-8",
    };

    public static TheoryData<string, string> Runs => new()
    {
        // The bundled packs (both) on the bundled sample network: 12,000 posts of Nordic text.
        { "builtin", Path.Combine("samples", "nordic-network") },
        { Path.Combine("tests", "CommunityRules.Tests", "TestData", "Rules", "duplicates.yaml"), Path.Combine("tests", "CommunityRules.Tests", "TestData", "Networks", "duplicates-nordic") },
        { Path.Combine("tests", "CommunityRules.Tests", "TestData", "Rules", "placement.yaml"), Path.Combine("tests", "CommunityRules.Tests", "TestData", "Networks", "placement") },
        { Path.Combine("tests", "CommunityRules.Tests", "TestData", "Rules", "naming.yaml"), Path.Combine("tests", "CommunityRules.Tests", "TestData", "Networks", "naming") },
    };

    [Theory]
    [MemberData(nameof(Runs))]
    public async Task Check_reports_the_same_JSON_without_ICU_in_another_time_zone_and_language(string rules, string data)
    {
        var arguments = new List<string> { "check", "--data", Path.Combine(TestPaths.RepoRoot, data), "--format", "json", "--fail-on", "never" };
        if (rules != "builtin")
        {
            arguments.AddRange(["--rules", Path.Combine(TestPaths.RepoRoot, rules)]);
        }

        var withIcu = RunCheckAsync(arguments, WithIcu);
        var withoutIcu = RunCheckAsync(arguments, WithoutIcu);
        var (icuReport, invariantReport) = (await withIcu, await withoutIcu);

        Assert.Contains("\"findings\"", icuReport, StringComparison.Ordinal);
        if (icuReport != invariantReport)
        {
            var icuLines = icuReport.Split('\n');
            var invariantLines = invariantReport.Split('\n');
            var first = Enumerable.Range(0, Math.Min(icuLines.Length, invariantLines.Length)).FirstOrDefault(i => icuLines[i] != invariantLines[i]);
            Assert.Fail($"The reports differ from line {first + 1}:\nwith ICU:    {icuLines[first].Trim()}\nwithout ICU: {invariantLines[first].Trim()}");
        }
    }

    private static async Task<string> RunCheckAsync(IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment)
    {
        var (exitCode, output, error) = await ChildProcess.RunAsync("dotnet", [Path.Combine(AppContext.BaseDirectory, "CommunityRules.Cli.dll"), .. arguments], TestPaths.RepoRoot, environment);
        Assert.True(exitCode is 0 or 1, $"check exited with {exitCode}:\n{error}");
        return output;
    }
}
