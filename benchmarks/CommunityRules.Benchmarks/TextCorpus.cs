using System.Globalization;
using CommunityRules.Data;
using CommunityRules.Data.Snapshot;
using CommunityRules.Model;

namespace CommunityRules.Benchmarks;

/// <summary>
/// The posts of the generated 1,000,000-post network, loaded once per process: the text the posting-guidelines
/// benchmarks scan. Each BenchmarkDotNet case runs in its own process, so each pays the load once, in its setup.
/// </summary>
internal static class TextCorpus
{
    /// <summary>The number of posts every full-corpus benchmark scans (the generator may add a few planted posts; they are left out).</summary>
    public const int Posts = 1_000_000;

    private static readonly Lazy<Post[]> _all = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Gets exactly <see cref="Posts"/> posts in snapshot order.</summary>
    public static Post[] All => _all.Value;

    /// <summary>Gets the number of UTF-16 characters of a post's title and text, the two fields the checks scan.</summary>
    /// <param name="post">The post.</param>
    /// <returns>The number of characters.</returns>
    public static int Chars(Post post) => (post.Title?.Length ?? 0) + (post.Text?.Length ?? 0);

    /// <summary>Every <c>All.Length / count</c>-th post: a subset spread over the whole network, the same in every process.</summary>
    /// <param name="count">The size of the subset.</param>
    /// <returns>The subset.</returns>
    public static Post[] Sample(int count)
    {
        var all = All;
        var stride = all.Length / count;
        var sample = new Post[count];
        for (var i = 0; i < count; i++)
        {
            sample[i] = all[i * stride];
        }

        return sample;
    }

    /// <summary>Prints the size of a set of posts, for the benchmark log.</summary>
    /// <param name="name">What the set is.</param>
    /// <param name="posts">The posts.</param>
    /// <returns>The total number of characters.</returns>
    public static long Describe(string name, IReadOnlyList<Post> posts)
    {
        ArgumentNullException.ThrowIfNull(posts);
        long chars = 0;
        var titles = 0;
        foreach (var post in posts)
        {
            chars += Chars(post);
            titles += post.Title is null ? 0 : 1;
        }

        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"// Corpus {name}: {posts.Count:N0} posts ({titles:N0} with a title), {chars:N0} chars = {chars / 1e6:F1} M chars, {(double)chars / posts.Count:F1} chars/post"));
        return chars;
    }

    private static Post[] Load()
    {
        var folder = SnapshotCache.GetOrCreate(SnapshotCache.OptionsFor(Posts));

        // Parsing posts.jsonl takes tens of seconds, and every BenchmarkDotNet case is a process of its own: keep the
        // posts in a plain binary file beside the snapshot (the folder name already changes with the generator).
        var cache = Path.Combine(folder, "benchmark-posts.bin");
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        Post[] posts;
        var fromCache = File.Exists(cache);
        if (fromCache)
        {
            posts = ReadCache(cache);
        }
        else
        {
            posts = ReadSnapshot(folder);
            var partial = cache + "." + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + ".tmp";
            WriteCache(partial, posts);
            File.Move(partial, cache, overwrite: true);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"// Loaded {posts.Length:N0} posts in {stopwatch.Elapsed.TotalSeconds:F1} s from {(fromCache ? cache : "posts.jsonl (cache written)")}"));
        return posts;
    }

    private static Post[] ReadSnapshot(string folder)
    {
        var posts = new List<Post>(Posts + 1_000);
        var issues = new IgnoringIssueReporter();
        var read = new SnapshotProvider(folder).ReadPostsAsync(issues, CancellationToken.None);

        // Loading happens in GlobalSetup, outside any measurement; blocking on it is fine.
        var enumerator = read.GetAsyncEnumerator();
        try
        {
            while (posts.Count < Posts && enumerator.MoveNextAsync().AsTask().GetAwaiter().GetResult())
            {
                posts.Add(enumerator.Current);
            }
        }
        finally
        {
            enumerator.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        if (posts.Count < Posts)
        {
            throw new InvalidOperationException($"The snapshot in {folder} has {posts.Count:N0} posts; the text benchmarks need {Posts:N0}.");
        }

        return [.. posts];
    }

    private static void WriteCache(string path, Post[] posts)
    {
        using var writer = new BinaryWriter(new BufferedStream(File.Create(path), 1 << 20));
        writer.Write(posts.Length);
        foreach (var post in posts)
        {
            writer.Write(post.Id);
            writer.Write(post.GroupId);
            WriteOptional(writer, post.AuthorId);
            writer.Write(post.CreatedAt is { } created);
            if (post.CreatedAt is { } createdAt)
            {
                writer.Write(createdAt.UtcTicks);
            }

            writer.Write((int)post.Type);
            WriteOptional(writer, post.Title);
            WriteOptional(writer, post.Text);
        }
    }

    private static Post[] ReadCache(string path)
    {
        using var reader = new BinaryReader(new BufferedStream(File.OpenRead(path), 1 << 20));
        var posts = new Post[reader.ReadInt32()];
        for (var i = 0; i < posts.Length; i++)
        {
            var id = reader.ReadString();
            var groupId = reader.ReadString();
            var authorId = ReadOptional(reader);
            DateTimeOffset? createdAt = reader.ReadBoolean() ? new DateTimeOffset(reader.ReadInt64(), TimeSpan.Zero) : null;
            posts[i] = new Post
            {
                Id = id,
                GroupId = groupId,
                AuthorId = authorId,
                CreatedAt = createdAt,
                Type = (PostType)reader.ReadInt32(),
                Title = ReadOptional(reader),
                Text = ReadOptional(reader),
            };
        }

        return posts;
    }

    private static void WriteOptional(BinaryWriter writer, string? value)
    {
        writer.Write(value is not null);
        if (value is not null)
        {
            writer.Write(value);
        }
    }

    private static string? ReadOptional(BinaryReader reader) => reader.ReadBoolean() ? reader.ReadString() : null;

    private sealed class IgnoringIssueReporter : IDataIssueReporter
    {
        // Posts in deleted groups and the like are data issues of the network, not of the text; their text is scanned all the same.
        public void Report(DataIssue issue)
        {
        }

        public void Report(DataNote note)
        {
        }
    }
}
