namespace CommunityRules.Tests;

/// <summary>Creates the special files of the hostile-input tests at run time: pipes, dangling links, link loops.</summary>
internal static class SpecialFiles
{
    public static string Create(string folder, string kind)
    {
        switch (kind)
        {
            case "fifo":
                var fifo = Path.Combine(folder, "pipe.yaml");
                MakeFifo(fifo);
                return fifo;
            case "dangling":
                var dangling = Path.Combine(folder, "dangling.yaml");
                File.CreateSymbolicLink(dangling, Path.Combine(folder, "nowhere.yaml"));
                return dangling;
            case "loop":
                var first = Path.Combine(folder, "loop-a.yaml");
                var second = Path.Combine(folder, "loop-b.yaml");
                File.CreateSymbolicLink(first, second);
                File.CreateSymbolicLink(second, first);
                return first;
            case "folder":
                return Directory.CreateDirectory(Path.Combine(folder, "a-folder.yaml")).FullName;
            default:
                return kind;
        }
    }

    public static string ExpectedWords(string kind) => kind switch
    {
        "fifo" => "is a named pipe (FIFO)",
        "dangling" => "which does not exist",
        "loop" => "leads back to itself (a loop)",
        "folder" => "is a folder, not a file",
        _ => "is a device",
    };

    /// <summary>Makes a named pipe (FIFO): opening it for reading would wait for a writer for ever.</summary>
    public static void MakeFifo(string path)
    {
        var (exitCode, _, error) = ChildProcess.Run("mkfifo", [path]);
        Assert.True(exitCode == 0, $"mkfifo failed: {error}");
    }
}
