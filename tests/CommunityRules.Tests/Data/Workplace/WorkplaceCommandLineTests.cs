using System.IO.Compression;
using System.Text.RegularExpressions;
using CommunityRules.Cli;
using CommunityRules.Tests.Engine;
using Microsoft.Extensions.Time.Testing;

namespace CommunityRules.Tests.Data.Workplace;

/// <summary><c>communityrules check --data</c> over a Workplace archive, run in-process.</summary>
public sealed partial class WorkplaceCommandLineTests
{
    private static readonly string Rules = TestInputs.RulesFile("cli.yaml");

    [Fact]
    public async Task Check_reads_a_Workplace_archive_folder_as_of_the_export()
    {
        var (exitCode, output, error) = await RunAsync("check", "--rules", Rules, "--data", WorkplaceTestData.Archive("nordlys"));

        Assert.True(exitCode is 0 or 1, error);
        Assert.Equal(string.Empty, error);
        Assert.Contains("Nordlys Workplace as of 2026-05-31", output, StringComparison.Ordinal);
        Assert.Contains("Read 5 people, 3 groups, 6 memberships, 5 posts, 3 comments and 5 reactions", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_truncated_zip_exits_2_with_a_clear_message()
    {
        using var folder = new TempFolder();
        var zip = folder.File("workplace.zip");
        ZipFile.CreateFromDirectory(WorkplaceTestData.Archive("nordlys"), zip);
        var bytes = await File.ReadAllBytesAsync(zip);
        await File.WriteAllBytesAsync(zip, bytes[..(bytes.Length / 2)]);

        var named = await RunAsync("check", "--rules", Rules, "--data", "workplace:" + zip);
        var guessed = await RunAsync("check", "--rules", Rules, "--data", zip);

        Assert.Equal(2, named.ExitCode);
        Assert.StartsWith($"communityrules: '{zip}' is not a readable zip file", named.Error, StringComparison.Ordinal);
        Assert.Contains("it may be truncated", named.Error, StringComparison.Ordinal);

        // Unnamed, no format can list it; the message says so and how to name the format.
        Assert.Equal(2, guessed.ExitCode);
        Assert.Contains("holds nothing that could be listed", guessed.Error, StringComparison.Ordinal);
        Assert.Contains("workplace: Workplace from Meta archive", guessed.Error, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await CommandLine.RunAsync(args, output, error, new FakeTimeProvider(TestInputs.ClockNow), []);
        return (exitCode, Whitespace().Replace(Ansi().Replace(output.ToString(), string.Empty), " "), error.ToString());
    }

    [GeneratedRegex(@"\u001b\[[0-9;]*m")]
    private static partial Regex Ansi();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
