using System.Diagnostics;
using CommunityRules.Tests.Data;

namespace CommunityRules.Tests.Cli;

/// <summary>
/// A file that is there but cannot be read — here, in a folder its reader may not search — is reported as unreadable
/// (CR1024 for rule and list files, "cannot be read" for data), never as not found. The tool runs in a process of its
/// own as a user with no rights on the folder: the tests' own user, or, when the tests run as root (who may read
/// everything), user nobody through <c>setpriv</c>.
/// </summary>
public sealed class UnreadablePathTests : IDisposable
{
    private const string Denied = "cannot be read: permission is denied on it or on a folder on its way";

    private readonly string _root;
    private readonly string _locked;

    public UnreadablePathTests()
    {
        _root = Directory.CreateTempSubdirectory("cr-unreadable-").FullName;
        _locked = Path.Combine(_root, "locked");
        Directory.CreateDirectory(Path.Combine(_locked, "snapshot"));
        File.WriteAllText(Path.Combine(_locked, "rules.yaml"), "extends: [builtin:governance]\n");
        File.WriteAllText(Path.Combine(_locked, "words.txt"), "test\n");
        File.WriteAllText(Path.Combine(_locked, "snapshot", "people.jsonl"), string.Empty);
        File.WriteAllText(
            Path.Combine(_root, "naming.yaml"),
            "rules:\n  - id: NAM-LOCKED\n    title: Names avoid the words on the list\n    target: group\n    check: naming\n    message: \"{reason}\"\n    options:\n      blockedWordsFile: locked/words.txt\n");
        if (!OperatingSystem.IsWindows())
        {
            // The others may walk to the folder; no one but its owner may list it, and no one may search it.
            File.SetUnixFileMode(_root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
            File.SetUnixFileMode(_locked, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    [UnixFact]
    public async Task A_rule_file_in_a_folder_that_may_not_be_searched_is_unreadable_not_missing()
    {
        var path = Path.Combine(_locked, "rules.yaml");

        var (exitCode, output) = await RunToolAsync("validate", path);

        Assert.Equal(2, exitCode);
        Assert.Contains($"{path}(1,1): error CR1024: The rule file '{path}' {Denied}.", output, StringComparison.Ordinal);
        Assert.DoesNotContain("not found", output, StringComparison.Ordinal);
    }

    [UnixFact]
    public async Task A_list_file_in_a_folder_that_may_not_be_searched_is_unreadable_not_missing()
    {
        var (exitCode, output) = await RunToolAsync("validate", Path.Combine(_root, "naming.yaml"));

        Assert.Equal(2, exitCode);
        Assert.Contains($"error CR1024: The list file '{Path.Combine(_locked, "words.txt")}' {Denied}.", output, StringComparison.Ordinal);
        Assert.DoesNotContain("not found", output, StringComparison.Ordinal);
    }

    [UnixFact]
    public async Task A_data_folder_in_a_folder_that_may_not_be_searched_is_unreadable_not_missing()
    {
        var path = Path.Combine(_locked, "snapshot");

        var (exitCode, output) = await RunToolAsync("check", "--rules", "builtin:governance", "--data", path);
        var (namedExitCode, named) = await RunToolAsync("check", "--rules", "builtin:governance", "--data", "snapshot:" + path);

        Assert.Equal(2, exitCode);
        Assert.Contains($"'{path}' {Denied}", output, StringComparison.Ordinal);
        Assert.DoesNotContain("does not exist", output, StringComparison.Ordinal);
        Assert.Equal(2, namedExitCode);
        Assert.Contains($"'{path}' {Denied}", named, StringComparison.Ordinal);
        Assert.DoesNotContain("does not exist", named, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(_locked, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        Directory.Delete(_root, recursive: true);
    }

    /// <summary>
    /// The test's output folder when user nobody may reach and read it; otherwise (a checkout under a private home
    /// folder) a copy of the tool's files in a folder of this test that everyone may read.
    /// </summary>
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private string ToolFolderNobodyCanRun()
    {
        const UnixFileMode Reach = UnixFileMode.OtherExecute;
        var reachable = true;
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            reachable &= (File.GetUnixFileMode(folder.FullName) & Reach) != 0;
        }

        if (reachable && (File.GetUnixFileMode(Path.Combine(AppContext.BaseDirectory, "CommunityRules.Cli.dll")) & UnixFileMode.OtherRead) != 0)
        {
            return AppContext.BaseDirectory;
        }

        var copy = Path.Combine(_root, "tool");
        if (Directory.Exists(copy))
        {
            return copy;
        }

        Directory.CreateDirectory(copy);
        foreach (var file in Directory.EnumerateFiles(AppContext.BaseDirectory).Where(file => file.EndsWith(".dll", StringComparison.Ordinal) || file.EndsWith(".json", StringComparison.Ordinal)))
        {
            var target = Path.Combine(copy, Path.GetFileName(file));
            File.Copy(file, target);
            File.SetUnixFileMode(target, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }

        File.SetUnixFileMode(copy, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        return copy;
    }

    private async Task<(int ExitCode, string Output)> RunToolAsync(params string[] arguments)
    {
        var tool = Path.Combine(Environment.UserName == "root" && !OperatingSystem.IsWindows() ? ToolFolderNobodyCanRun() : AppContext.BaseDirectory, "CommunityRules.Cli.dll");
        var environment = new Dictionary<string, string> { ["HOME"] = _root, ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1" };
        // setpriv drops root's right to read everything: the tool runs as nobody, without supplementary groups.
        var (exitCode, output, error) = Environment.UserName == "root"
            ? await ChildProcess.RunAsync("setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", "--", "dotnet", tool, .. arguments], environment: environment)
            : await ChildProcess.RunAsync("dotnet", [tool, .. arguments], environment: environment);
        return (exitCode, output + error);
    }
}
