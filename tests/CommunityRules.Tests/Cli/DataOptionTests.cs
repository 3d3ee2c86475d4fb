using System.Text.Json;
using CommunityRules.Tests.Engine;
using NJsonSchema;

namespace CommunityRules.Tests.Cli;

/// <summary><c>--data</c>: repeated for layers, a kind detected or named, a layout no kind knows, and data notes in every format.</summary>
public sealed partial class CommandLineTests
{
    private static readonly string BotsRules = TestInputs.RulesFile("bots.yaml");
    private static readonly string NoMemberships = TestInputs.Network("no-memberships");
    private static readonly string HrDirectory = TestInputs.Network("hr-directory");

    [Fact]
    public async Task Text_output_says_once_which_rules_the_data_cannot_serve()
    {
        var run = await RunAsync("check", "--rules", BotsRules, "--data", NoMemberships);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("note: The data does not say group admins, so BOT-ADM (admins) was not run.", run.PlainOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("BOT-ADM Groups", run.PlainOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_data_option_is_layered_over_the_first()
    {
        var run = await RunAsync("check", "--rules", BotsRules, "--data", NoMemberships, "--data", $"snapshot:{HrDirectory}");

        Assert.Equal(1, run.ExitCode);
        Assert.DoesNotContain("note:", run.PlainOutput, StringComparison.Ordinal);
        Assert.Contains("'NO-Økonomi': it has no active admin; at least 2 are needed. Admins who left: Bjørn Haugen.", run.PlainOutput, StringComparison.Ordinal);
        Assert.Contains($"({NoMemberships} + {HrDirectory})", run.PlainOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_and_sarif_carry_the_data_notes_and_sarif_stays_valid()
    {
        var json = await RunAsync("check", "--rules", BotsRules, "--data", NoMemberships, "--format", "json");
        var sarif = await RunAsync("check", "--rules", BotsRules, "--data", NoMemberships, "--format", "sarif");

        var note = JsonDocument.Parse(json.Output).RootElement.GetProperty("summary").GetProperty("dataNotes").EnumerateArray().Single();
        Assert.Equal("BOT-ADM", note.GetProperty("skippedRules").EnumerateArray().Single().GetString());
        Assert.Equal("admins", note.GetProperty("missing").GetString());
        Assert.Equal(NoMemberships, note.GetProperty("source").GetString());

        var schema = await JsonSchema.FromFileAsync(TestPaths.SarifSchema);
        Assert.Empty(schema.Validate(sarif.Output));
        var notification = JsonDocument.Parse(sarif.Output).RootElement.GetProperty("runs")[0].GetProperty("invocations")[0].GetProperty("toolExecutionNotifications").EnumerateArray().Single();
        Assert.Equal("note", notification.GetProperty("level").GetString());
        Assert.StartsWith("The data does not say group admins", notification.GetProperty("message").GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_html_review_lists_the_data_notes()
    {
        var run = await RunAsync("check", "--rules", BotsRules, "--data", NoMemberships, "--format", "html");

        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(run.Output);
        var note = Assert.Single(page.QuerySelectorAll(".data-notes li"));
        Assert.StartsWith("The data does not say group admins, so BOT-ADM (admins) was not run.", note.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_folder_no_kind_recognises_exits_2_with_what_it_holds_and_what_each_kind_expects()
    {
        var folder = Directory.CreateTempSubdirectory("communityrules-unknown-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder, "readme.txt"), "not an export");
            Directory.CreateDirectory(Path.Combine(folder, "attachments"));

            var run = await RunAsync("check", "--rules", BotsRules, "--data", folder);

            Assert.Equal(2, run.ExitCode);
            Assert.Equal(string.Empty, run.Output);
            Assert.Contains($"--data {folder}: this is not an export CommunityRules knows. It holds attachments/, readme.txt.", run.Error, StringComparison.Ordinal);
            Assert.Contains("  snapshot: CommunityRules snapshot, a folder with people.jsonl", run.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_named_kind_reads_the_path_as_that_kind_and_says_what_it_misses()
    {
        var folder = Directory.CreateTempSubdirectory("communityrules-named-").FullName;
        try
        {
            var run = await RunAsync("check", "--rules", BotsRules, "--data", $"snapshot:{folder}");

            Assert.Equal(2, run.ExitCode);
            Assert.Contains($"The data folder '{folder}' holds no snapshot file.", run.Error, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_failing_check_is_a_finding_and_under_strict_exit_2()
    {
        string[] args = ["check", "--rules", TestInputs.RulesFile("faulty.yaml"), "--data", Mixed];

        var run = await RunAsync(args, [new Engine.FaultyCheck()]);
        var strict = await RunAsync([.. args, "--strict"], [new Engine.FaultyCheck()]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("CR0005 A check failed", run.PlainOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.PlainOutput + run.Error, StringComparison.Ordinal);
        Assert.Equal(2, strict.ExitCode);
        Assert.Contains("(CR0005, --strict)", strict.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_zip_file_that_cannot_be_read_exits_2_and_says_it_may_be_truncated()
    {
        var zip = Path.Combine(Directory.CreateTempSubdirectory("communityrules-zip-").FullName, "export.zip");
        try
        {
            // The first bytes of a zip, and then nothing: the table of contents at the end is missing.
            await File.WriteAllBytesAsync(zip, [(byte)'P', (byte)'K', 3, 4, 20, 0, 0, 0, 8, 0]);

            var run = await RunAsync("check", "--rules", BotsRules, "--data", zip);

            Assert.Equal(2, run.ExitCode);
            Assert.StartsWith($"communityrules: --data {zip}: this zip file cannot be read; it may be truncated or damaged.", run.Error, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(zip)!, recursive: true);
        }
    }

    [Fact]
    public async Task A_named_pipe_given_as_data_exits_2_at_once_with_or_without_a_kind()
    {
        var folder = Directory.CreateTempSubdirectory("communityrules-fifo-").FullName;
        try
        {
            var fifo = Path.Combine(folder, "export.zip");
            SpecialFiles.MakeFifo(fifo);

            var guessed = await RunAsync("check", "--rules", BotsRules, "--data", fifo).WaitAsync(TimeSpan.FromSeconds(20));
            var named = await RunAsync("check", "--rules", BotsRules, "--data", $"slack:{fifo}").WaitAsync(TimeSpan.FromSeconds(20));

            Assert.Equal((2, 2), (guessed.ExitCode, named.ExitCode));
            Assert.Contains($"'{fifo}' is a named pipe (FIFO)", guessed.Error, StringComparison.Ordinal);
            Assert.Contains($"'{fifo}' is a named pipe (FIFO)", named.Error, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
