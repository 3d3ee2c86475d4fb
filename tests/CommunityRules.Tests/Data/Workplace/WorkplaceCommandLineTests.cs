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
    public async Task A_truncated_zip_is_read_up_to_the_cut_which_is_reported_and_fails_strict()
    {
        using var folder = new TempFolder();
        var zip = folder.File("workplace.zip");
        ZipFile.CreateFromDirectory(WorkplaceTestData.Archive("nordlys"), zip);
        var bytes = await File.ReadAllBytesAsync(zip);
        await File.WriteAllBytesAsync(zip, bytes[..(bytes.Length / 2)]);

        var named = await RunAsync("check", "--rules", Rules, "--data", "workplace:" + zip);
        var guessed = await RunAsync("check", "--rules", Rules, "--data", zip);
        var strict = await RunAsync("check", "--rules", Rules, "--data", zip, "--strict");

        // The entries before the cut are read; the one it ends inside is a located CR0001, and --strict fails the run.
        Assert.Contains("CR0001", named.Output, StringComparison.Ordinal);
        Assert.Contains("the zip file ends inside", named.Output, StringComparison.Ordinal);
        Assert.Equal(named.Output, guessed.Output);
        Assert.Equal(2, strict.ExitCode);
        Assert.Contains("could not be read (--strict)", strict.Error, StringComparison.Ordinal);
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
