using CommunityRules.Data;
using CommunityRules.Data.Slack;
using CommunityRules.Data.Snapshot;
using CommunityRules.Tests.Engine;

namespace CommunityRules.Tests.Data;

/// <summary>
/// Where a snapshot file belongs there is a folder, a FIFO, a device, a socket-like oddity or a broken link: the run
/// stops at once with one message naming the path and what it is, never hangs and never reads it as "no records".
/// The FIFOs and links are made here, as git cannot hold them; a FIFO open would block, so a hang fails the test by time.
/// </summary>
public sealed class SpecialFileTests
{
    private static readonly TimeSpan NoHang = TimeSpan.FromSeconds(20);

    private static async Task<DataSourceException> RunFailsAsync(string folder)
    {
        var ruleSet = TestInputs.CreateLoader().LoadText("rules: []", "empty.yaml").RuleSet!;
        var run = Task.Run(() => new CommunityRules.Engine.RuleEngine(TimeProvider.System).AnalyzeAsync(ruleSet, new SnapshotSource(folder).Build()));
        return await Assert.ThrowsAsync<DataSourceException>(() => run.WaitAsync(NoHang));
    }

    public static TheoryData<string, string, string> Cases => new()
    {
        { "posts.jsonl", "folder", "is a folder, not a regular file" },
        { "network.json", "folder", "is a folder, not a regular file" },
        { "posts.jsonl", "fifo", "is a named pipe (FIFO), not a regular file: reading it would wait for a writer for ever" },
        { "network.json", "fifo", "is a named pipe (FIFO), not a regular file: reading it would wait for a writer for ever" },
        { "posts.jsonl.gz", "fifo", "is a named pipe (FIFO), not a regular file: reading it would wait for a writer for ever" },
        { "posts.jsonl", "/dev/zero", "is a device, not a regular file: reading it would never end" },
        { "posts.jsonl", "/dev/urandom", "is a device, not a regular file: reading it would never end" },
        { "network.json", "/dev/urandom", "is a device, not a regular file: reading it would never end" },
        { "posts.jsonl", "loop", "is a symbolic link that leads back to itself (a link loop), not a regular file" },
        { "posts.jsonl", "dangling", "is a symbolic link to something that does not exist, not a regular file" },
        { "network.json", "dangling", "is a symbolic link to something that does not exist, not a regular file" },
    };

    [UnixTheory]
    [MemberData(nameof(Cases))]
    public async Task A_special_file_in_a_snapshot_stops_the_run_naming_the_path_and_what_it_is(string name, string what, string problem)
    {
        using var folder = TempFolder.CopyOf("clean");
        var path = folder.File(name);
        File.Delete(path);
        switch (what)
        {
            case "folder":
                Directory.CreateDirectory(path);
                break;
            case "fifo":
                SpecialFiles.MakeFifo(path);
                break;
            case "loop":
                File.CreateSymbolicLink(folder.File("other.jsonl"), path);
                File.CreateSymbolicLink(path, folder.File("other.jsonl"));
                break;
            case "dangling":
                File.CreateSymbolicLink(path, folder.File("gone.jsonl"));
                break;
            default:
                File.CreateSymbolicLink(path, what);
                break;
        }

        var ex = await RunFailsAsync(folder.Path);

        Assert.Equal($"'{path}' {problem}. Only regular files are read as data.", ex.Message);
    }

    [UnixFact]
    public async Task A_symbolic_link_to_a_regular_file_is_read_like_the_file()
    {
        using var folder = TempFolder.CopyOf("clean");
        File.Move(folder.File("posts.jsonl"), folder.File("real-posts.txt"));
        File.CreateSymbolicLink(folder.File("posts.jsonl"), folder.File("real-posts.txt"));

        var posts = await new SnapshotProvider(folder.Path).ReadPostsAsync(new IssueList(), default).ToListAsync();

        Assert.Equal(2, posts.Count);
    }

    [UnixFact]
    public void A_data_folder_that_is_a_FIFO_is_named_as_one()
    {
        using var folder = new TempFolder();
        var path = folder.File("export");
        SpecialFiles.MakeFifo(path);

        var ex = Assert.Throws<DataSourceException>(() => new SnapshotProvider(path));

        Assert.Equal($"The data folder '{path}' is a named pipe (FIFO), not a folder. Pass the folder that holds people.jsonl, groups.jsonl and the other snapshot files.", ex.Message);
        Assert.False(SnapshotFormat.Instance.Recognizes(path));
        Assert.Empty(CommunityRules.Data.Archives.ExportArchive.ListEntries(path));
    }

    [UnixFact]
    public async Task A_FIFO_or_device_in_an_export_folder_is_a_data_issue_and_the_rest_is_read()
    {
        using var folder = new TempFolder();
        CopyTree(Slack.SlackExportProviderTests.Nordlys, folder.Path);
        SpecialFiles.MakeFifo(Path.Combine(folder.Path, "allmänt", "2026-09-09.json"));
        File.CreateSymbolicLink(Path.Combine(folder.Path, "allmänt", "2026-09-10.json"), "/dev/urandom");
        var issues = new IssueList();

        var provider = new SlackExportSource(folder.Path).Build();
        var read = Task.Run(async () =>
        {
            var people = await provider.ReadPeopleAsync(issues, default).ToListAsync();
            var posts = await provider.ReadPostsAsync(issues, default).ToListAsync();
            return (people, posts);
        });
        var (people, posts) = await read.WaitAsync(NoHang);

        Assert.NotEmpty(people);
        Assert.NotEmpty(posts);
        var fifo = Assert.Single(issues.Issues, issue => issue.Source.EndsWith("2026-09-09.json", StringComparison.Ordinal));
        Assert.Equal("'allmänt/2026-09-09.json' is a named pipe (FIFO), not a regular file: reading it would wait for a writer for ever; it was not read.", fifo.Message);
        Assert.Equal(DataIssueKind.MalformedRecord, fifo.Kind);
    }

    private static void CopyTree(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}

/// <summary>A fact that needs Unix files (FIFOs, devices, symbolic links); it runs everywhere but Windows.</summary>
public sealed class UnixFactAttribute : FactAttribute
{
    public UnixFactAttribute()
    {
        if (OperatingSystem.IsWindows())
        {
            Skip = "FIFOs and /dev devices are Unix files.";
        }
    }
}

/// <summary>A theory that needs Unix files (FIFOs, devices, symbolic links); it runs everywhere but Windows.</summary>
public sealed class UnixTheoryAttribute : TheoryAttribute
{
    public UnixTheoryAttribute()
    {
        if (OperatingSystem.IsWindows())
        {
            Skip = "FIFOs and /dev devices are Unix files.";
        }
    }
}
