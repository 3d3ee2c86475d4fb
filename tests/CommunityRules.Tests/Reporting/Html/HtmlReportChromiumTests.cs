using CommunityRules.Tests.Engine;

namespace CommunityRules.Tests.Reporting.Html;

/// <summary>
/// Renders the report of the sample network in headless Chromium, where it is installed (<c>apt-get install
/// chromium</c>); elsewhere these tests are skipped. The browser runs with networking features off and a throw-away
/// profile.
/// </summary>
public sealed class HtmlReportChromiumTests(NordicReportFixture fixture) : IClassFixture<NordicReportFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    [ChromiumFact]
    public async Task Chromium_renders_the_report_and_its_DOM_has_the_title()
    {
        using var folder = new TempFolder();
        var page = folder.File("review.html");
        await File.WriteAllBytesAsync(page, fixture.Html);

        var run = await RunChromiumAsync(folder, "--dump-dom", new Uri(page).AbsoluteUri);

        Assert.True(run.ExitCode == 0, $"Chromium exited with {run.ExitCode}: {run.Error}");
        Assert.Contains("<title>Nordlys Group (sample) — quarterly governance review, 2026-10-01</title>", run.Output, StringComparison.Ordinal);
        Assert.Contains("id=\"inactive\"", run.Output, StringComparison.Ordinal);
        Assert.Contains("<svg class=\"sparkline\"", run.Output, StringComparison.Ordinal);
    }

    [ChromiumFact]
    public async Task Chromium_takes_a_screenshot_of_the_report()
    {
        using var folder = new TempFolder();
        var page = folder.File("review.html");
        var screenshot = folder.File("review.png");
        await File.WriteAllBytesAsync(page, fixture.Html);

        var run = await RunChromiumAsync(folder, $"--screenshot={screenshot}", "--window-size=1280,4000", new Uri(page).AbsoluteUri);

        Assert.True(run.ExitCode == 0, $"Chromium exited with {run.ExitCode}: {run.Error}");
        var png = await File.ReadAllBytesAsync(screenshot);
        Assert.True(png.Length > 10_000, $"The screenshot has only {png.Length} bytes.");
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
    }

    private static Task<(int ExitCode, string Output, string Error)> RunChromiumAsync(TempFolder folder, params string[] arguments)
    {
        string[] options =
        [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--disable-extensions", "--disable-dev-shm-usage", $"--user-data-dir={folder.File("profile")}",
        ];
        return ChildProcess.RunAsync(ChromiumFactAttribute.ChromiumPath, [.. options, .. arguments], folder.Path, timeout: Timeout);
    }
}
