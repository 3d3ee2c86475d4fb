using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using CommunityRules.Checks;
using CommunityRules.Data.Snapshot;
using CommunityRules.Engine;
using CommunityRules.Reporting;
using CommunityRules.Rules;
using Microsoft.Extensions.Time.Testing;

namespace CommunityRules.Tests.Reporting.Html;

/// <summary>Runs the real engine with <c>builtin:governance</c> over <c>samples/nordic-network</c>, and writes and parses the HTML report.</summary>
internal static class HtmlReportSupport
{
    public const string ToolVersion = "9.8.7";

    /// <summary>A moment no data uses: the run must take its moment from the snapshot's manifest.</summary>
    private static readonly DateTimeOffset Clock = new(2031, 7, 15, 12, 0, 0, TimeSpan.Zero);

    public static string NordicNetwork => Path.Combine(TestPaths.RepoRoot, "samples", "nordic-network");

    public static async Task<AnalysisReport> RunNordicAsync()
    {
        var loaded = new RuleSetLoader(BuiltInChecks.Create()).Load([RuleSetLoader.BuiltinPrefix + "governance"]);
        Assert.True(loaded.Success, string.Join('\n', loaded.Errors));
        var result = await new RuleEngine(new FakeTimeProvider(Clock)).AnalyzeAsync(loaded.RuleSet!, new SnapshotProvider(NordicNetwork));
        return new AnalysisReport(result, loaded.RuleSet!, ToolVersion, loaded.Files);
    }

    public static async Task<byte[]> WriteAsync(AnalysisReport report)
    {
        using var stream = new MemoryStream();
        await new HtmlReportWriter().WriteAsync(report, stream, CancellationToken.None);
        return stream.ToArray();
    }

    public static IHtmlDocument Parse(byte[] html) => new HtmlParser().ParseDocument(System.Text.Encoding.UTF8.GetString(html));

    /// <summary>The section with an id, which must be there exactly once.</summary>
    public static IElement Section(this IHtmlDocument document, string id)
    {
        var sections = document.QuerySelectorAll($"section#{id}");
        return Assert.Single(sections);
    }

    /// <summary>The elements that stand for one finding each.</summary>
    public static IReadOnlyList<IElement> Findings(this IElement section) => [.. section.QuerySelectorAll("[data-finding]")];

    /// <summary>Parses a count written with thousands separators, such as <c>1,500</c>.</summary>
    public static long Count(string text) => long.Parse(text.Trim(), System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>The report over the sample network, written once for all the tests of a class.</summary>
public sealed class NordicReportFixture : IAsyncLifetime
{
    internal AnalysisReport Report { get; private set; } = null!;

    internal byte[] Html { get; private set; } = [];

    internal IHtmlDocument Document { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Report = await HtmlReportSupport.RunNordicAsync();
        Html = await HtmlReportSupport.WriteAsync(Report);
        Document = HtmlReportSupport.Parse(Html);
    }

    public Task DisposeAsync()
    {
        Document?.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>A fact that runs only where headless Chromium is installed at <c>/usr/bin/chromium</c>, and is skipped elsewhere.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public ChromiumFactAttribute()
    {
        if (!File.Exists(ChromiumPath))
        {
            Skip = $"Chromium is not installed at {ChromiumPath} (apt-get install chromium).";
        }
    }
}
