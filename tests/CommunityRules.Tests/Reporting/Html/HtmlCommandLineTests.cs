using AngleSharp.Html.Parser;
using CommunityRules.Cli;
using CommunityRules.Tests.Engine;
using Microsoft.Extensions.Time.Testing;

namespace CommunityRules.Tests.Reporting.Html;

/// <summary><c>communityrules check --format html</c>, run in-process over the CLI's test rules and networks.</summary>
public sealed class HtmlCommandLineTests
{
    private static readonly string CliRules = TestInputs.RulesFile("cli.yaml");
    private static readonly string Mixed = TestInputs.Network("mixed");

    [Fact]
    public async Task Format_html_without_output_writes_the_page_to_stdout()
    {
        var (exitCode, output, error) = await RunAsync("check", "--rules", CliRules, "--data", Mixed, "--format", "html");

        Assert.Equal(1, exitCode);
        Assert.Equal(string.Empty, error);
        Assert.StartsWith("<!DOCTYPE html>\n", output, StringComparison.Ordinal);
        using var document = new HtmlParser().ParseDocument(output);
        Assert.Equal("Blandat — quarterly governance review, 2026-03-01", document.Title);
        Assert.Equal(8, document.QuerySelectorAll("main [data-finding]").Length);
    }

    [Fact]
    public async Task Format_html_with_output_writes_the_page_to_the_file_only()
    {
        using var folder = new TempFolder();
        var file = folder.File("review.html");

        var (exitCode, output, _) = await RunAsync("check", "--rules", CliRules, "--data", Mixed, "--format", "html", "--output", file, "--fail-on", "never");

        Assert.Equal(0, exitCode);
        Assert.Equal(string.Empty, output);
        var html = await File.ReadAllBytesAsync(file);
        Assert.Equal((byte)'<', html[0]);
        using var document = new HtmlParser().ParseDocument(System.Text.Encoding.UTF8.GetString(html));
        Assert.Equal("Blandat", document.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task Help_lists_html_among_the_formats()
    {
        var (exitCode, output, _) = await RunAsync("check", "--help");

        Assert.Equal(0, exitCode);
        Assert.Contains("html", output, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await CommandLine.RunAsync(args, output, error, new FakeTimeProvider(TestInputs.ClockNow));
        return (exitCode, output.ToString(), error.ToString());
    }
}
