using CommunityRules.Checks;
using CommunityRules.Data.Snapshot;
using CommunityRules.Diagnostics;
using CommunityRules.Engine;
using CommunityRules.Rules;
using Microsoft.Extensions.Time.Testing;

namespace CommunityRules.Tests.Engine;

/// <summary>The rule files and snapshot folders under <c>TestData/</c>, and short ways to run one over the other.</summary>
internal static class TestInputs
{
    /// <summary>A moment no test data uses, so a run that falls back on the clock shows it.</summary>
    public static readonly DateTimeOffset ClockNow = new(2031, 7, 15, 12, 0, 0, TimeSpan.Zero);

    public static string DataRoot => Path.Combine(AppContext.BaseDirectory, "TestData");

    public static string RulesFile(string fileName) => Path.Combine(DataRoot, "Rules", fileName);

    public static string Network(string name) => Path.Combine(DataRoot, "Networks", name);

    public static RuleSetLoader CreateLoader(params Check[] extraChecks) => new([.. BuiltInChecks.Create(), .. extraChecks]);

    public static RuleSet LoadRules(string fileName, params Check[] extraChecks)
    {
        var result = CreateLoader(extraChecks).Load([RulesFile(fileName)]);
        Assert.True(result.Success, "The rule file should load, but: " + string.Join(Environment.NewLine, result.Errors));
        return result.RuleSet!;
    }

    public static Task<AnalysisResult> RunAsync(string rulesFile, string network, params Check[] extraChecks) =>
        RunAsync(LoadRules(rulesFile, extraChecks), network);

    public static Task<AnalysisResult> RunAsync(RuleSet ruleSet, string network, AnalysisOptions? options = null, TimeProvider? time = null, CancellationToken cancellationToken = default) =>
        new RuleEngine(time ?? new FakeTimeProvider(ClockNow)).AnalyzeAsync(ruleSet, new SnapshotProvider(Network(network)), options, cancellationToken);

    /// <summary>The findings of one rule, in the order the run reported them.</summary>
    public static IReadOnlyList<Diagnostic> Of(this AnalysisResult result, string ruleId) =>
        [.. result.Diagnostics.Where(diagnostic => diagnostic.Rule.Id == ruleId)];

    /// <summary>The target ids of one rule's findings, in order.</summary>
    public static IReadOnlyList<string> TargetsOf(this AnalysisResult result, string ruleId) =>
        [.. result.Of(ruleId).Select(diagnostic => diagnostic.Target.Id)];

    /// <summary>The message of the one finding a rule reported on a target.</summary>
    public static string MessageFor(this AnalysisResult result, string ruleId, string targetId) =>
        Assert.Single(result.Of(ruleId), diagnostic => diagnostic.Target.Id == targetId).Message;

    /// <summary>Asserts that a rule reported exactly one finding on a target, whose message holds each of the key words.</summary>
    public static Diagnostic AssertFinding(this AnalysisResult result, string ruleId, string targetId, params ReadOnlySpan<string> keyWords)
    {
        var finding = Assert.Single(result.Of(ruleId), diagnostic => diagnostic.Target.Id == targetId);
        foreach (var keyWord in keyWords)
        {
            Assert.Contains(keyWord, finding.Message, StringComparison.Ordinal);
        }

        return finding;
    }
}

/// <summary>A folder under the system's temporary folder, deleted with everything in it on dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "communityrules-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>Creates a temporary folder holding a copy of a test network's files.</summary>
    public static TempFolder CopyOf(string network)
    {
        var folder = new TempFolder();
        foreach (var file in Directory.EnumerateFiles(TestInputs.Network(network)))
        {
            System.IO.File.Copy(file, System.IO.Path.Combine(folder.Path, System.IO.Path.GetFileName(file)));
        }

        return folder;
    }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow machine; the temporary folder is cleaned up by the system.
        }
    }
}
