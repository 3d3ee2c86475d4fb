using CommunityRules.Model;

namespace CommunityRules.Checks.BuiltIn.CrossPosting;

/// <summary>A post as the cross-posting check keeps it: no text, only what a finding names and when it was written.</summary>
/// <param name="Id">The post's id.</param>
/// <param name="GroupId">The group's id.</param>
/// <param name="AuthorId">The author's id, if any.</param>
/// <param name="Ticks">When it was written, in UTC ticks.</param>
/// <param name="Type">The kind of post.</param>
internal readonly record struct KeptPost(string Id, string GroupId, string? AuthorId, long Ticks, PostType Type)
{
    /// <summary>Gets the post to report on: without title or text, which were not kept.</summary>
    public Post ToPost() => new() { Id = Id, GroupId = GroupId, AuthorId = AuthorId, CreatedAt = new DateTimeOffset(Ticks, TimeSpan.Zero), Type = Type };
}

/// <summary>One cluster: the same text in enough groups within the window, its posts by time (the first is reported on).</summary>
/// <param name="Posts">The posts, earliest first.</param>
/// <param name="GroupIds">The distinct groups in the order their first post was written.</param>
/// <param name="Similarity">The lowest estimated similarity of a post to the first post, from 0 to 1.</param>
internal sealed record CrossPostCluster(IReadOnlyList<KeptPost> Posts, IReadOnlyList<string> GroupIds, double Similarity);

/// <summary>
/// The posts of one run as signatures, gathered as the posts stream by, and the clusters found among them at the end.
/// One instance per run.
/// </summary>
/// <remarks>
/// <para>
/// Memory: per post its <see cref="KeptPost"/> (references to strings the run keeps anyway, a time) and a 96-byte
/// signature in large shared chunks — about 130 bytes a post, never its text.
/// </para>
/// <para>
/// Candidates come from locality-sensitive hashing, not from comparing every pair: the 48 values of a signature are
/// cut into 12 bands of 4, and posts whose values agree on a whole band share a bucket. Two texts of similarity
/// <c>s</c> share at least one band with probability <c>1 - (1 - s⁴)¹²</c>: 0.96 at 0.7, 0.998 at 0.8, 1 for the
/// same text, 0.09 at 0.3. In time order, each post is compared with the first and the latest post of each of its
/// buckets and joined to them when its estimated similarity reaches the threshold (union–find), so the work is
/// linear in the number of posts whatever the bucket sizes. Each connected set of near-copies is then cut, in time
/// order, into clusters: from the earliest post not yet in one, the posts within <c>withinHours</c> that are alike
/// to that first post are a cluster when they reach <c>minGroups</c> different groups.
/// </para>
/// </remarks>
internal sealed class CrossPostIndex(CrossPostingSettings settings)
{
    // 65,536 signatures a chunk: 6 MB, allocated as the posts come, never copied to grow.
    private const int ChunkShift = 16;
    private const int ChunkSize = 1 << ChunkShift;

    /// <summary>
    /// The most posts a window looks at from its first post. Only a set of near-copies posted thousands of times
    /// within one window comes near it; it bounds the work of one that is not alike to its first post at all.
    /// </summary>
    private const int MaxWindowPosts = 10_000;

    private readonly List<KeptPost> _posts = [];
    private readonly List<ushort[]> _signatures = [];

    /// <summary>Gets the number of posts kept.</summary>
    public int Count => _posts.Count;

    /// <summary>Adds a post: its signature when it has a time and enough words.</summary>
    public void Add(Post post, NetworkView network)
    {
        if (post.CreatedAt is not { } createdAt)
        {
            // Without a time there is no window to judge it in.
            return;
        }

        Span<ushort> signature = stackalloc ushort[TextSignature.Length];
        if (TextSignature.Compute(post.Title, post.Text, signature) < settings.MinWords)
        {
            return;
        }

        var index = _posts.Count;
        if ((index & (ChunkSize - 1)) == 0)
        {
            _signatures.Add(new ushort[ChunkSize * TextSignature.Length]);
        }

        signature.CopyTo(SignatureOf(index));

        // The group's and the author's own id strings, not the post's copies: what is kept outlives the post.
        var group = network.FindGroup(post.GroupId)?.Id ?? post.GroupId;
        var author = network.FindPerson(post.AuthorId)?.Id ?? post.AuthorId;
        _posts.Add(new KeptPost(post.Id, group, author, createdAt.UtcTicks, post.Type));
    }

    /// <summary>Finds the clusters, ordered by the read position of their first post.</summary>
    public IReadOnlyList<CrossPostCluster> FindClusters(CancellationToken cancellationToken)
    {
        var count = _posts.Count;
        if (count < settings.MinGroups)
        {
            return [];
        }

        // Time order, read order for ties: bucket heads are the earliest posts, and the result does not depend on
        // the order the source wrote the posts in beyond ties.
        var order = new int[count];
        var ticks = new long[count];
        for (var i = 0; i < count; i++)
        {
            order[i] = i;
            ticks[i] = _posts[i].Ticks;
        }

        Array.Sort(ticks, order);
        SortTiesByIndex(ticks, order);

        var parent = new int[count];
        for (var i = 0; i < count; i++)
        {
            parent[i] = i;
        }

        var minAgreement = (int)Math.Ceiling((settings.MinSimilarity * TextSignature.Length) - 1e-9);
        var buckets = new BandBuckets(count);
        for (var band = 0; band < TextSignature.Bands; band++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            buckets.Clear();
            foreach (var post in order)
            {
                var signature = SignatureOf(post);
                var key = TextSignature.BandKey(signature, band);
                ref var slot = ref buckets.GetOrAdd(key, out var exists);
                if (!exists)
                {
                    slot = (post, post);
                    continue;
                }

                var bucket = slot;

                if (Find(parent, bucket.First) != Find(parent, post) && TextSignature.Agreement(SignatureOf(bucket.First), signature) >= minAgreement)
                {
                    Union(parent, bucket.First, post);
                }
                else if (bucket.Latest != bucket.First && Find(parent, bucket.Latest) != Find(parent, post)
                    && TextSignature.Agreement(SignatureOf(bucket.Latest), signature) >= minAgreement)
                {
                    Union(parent, bucket.Latest, post);
                }

                slot = (bucket.First, post);
            }
        }

        // The members of each set of near-copies, in time order; sets too small to reach minGroups (most posts are
        // alone) are skipped.
        var size = new int[count];
        foreach (var post in order)
        {
            size[Find(parent, post)]++;
        }

        var members = new Dictionary<int, List<int>>();
        foreach (var post in order)
        {
            var root = Find(parent, post);
            if (size[root] < settings.MinGroups)
            {
                continue;
            }

            if (!members.TryGetValue(root, out var list))
            {
                members[root] = list = new List<int>(size[root]);
            }

            list.Add(post);
        }

        var clusters = new List<(int FirstIndex, CrossPostCluster Cluster)>();
        foreach (var set in members.Values)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (settings.SameAuthor)
            {
                foreach (var byAuthor in set.GroupBy(post => _posts[post].AuthorId ?? string.Empty, StringComparer.Ordinal))
                {
                    Windows([.. byAuthor], minAgreement, clusters);
                }
            }
            else
            {
                Windows(set, minAgreement, clusters);
            }
        }

        return [.. clusters.OrderBy(cluster => cluster.FirstIndex).Select(cluster => cluster.Cluster)];
    }

    /// <summary>
    /// Cuts a time-ordered set of near-copies into clusters: from its earliest post not yet in a cluster, the posts
    /// within the window that are alike to that post (not merely to one another: a chain of small edits, or one
    /// template filled in differently each time, does not make distant texts one) form a cluster when they are in
    /// enough groups.
    /// </summary>
    private void Windows(List<int> set, int minAgreement, List<(int FirstIndex, CrossPostCluster Cluster)> clusters)
    {
        var window = settings.Window.Ticks;
        var used = new bool[set.Count];
        var members = new List<int>();
        var groups = new HashSet<string>(StringComparer.Ordinal);
        for (var start = 0; start < set.Count; start++)
        {
            if (used[start])
            {
                continue;
            }

            var first = _posts[set[start]];
            var firstSignature = SignatureOf(set[start]);
            members.Clear();
            groups.Clear();
            var end = Math.Min(set.Count, start + MaxWindowPosts);
            for (var k = start; k < end && _posts[set[k]].Ticks - first.Ticks <= window; k++)
            {
                if (!used[k] && (k == start || TextSignature.Agreement(firstSignature, SignatureOf(set[k])) >= minAgreement))
                {
                    members.Add(k);
                    groups.Add(_posts[set[k]].GroupId);
                }
            }

            if (groups.Count < settings.MinGroups)
            {
                continue;
            }

            members.ForEach(k => used[k] = true);
            clusters.Add((set[start], Cluster([.. members.Select(k => set[k])])));
        }
    }

    private CrossPostCluster Cluster(List<int> posts)
    {
        var kept = new List<KeptPost>(posts.Count);
        var groups = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var firstSignature = SignatureOf(posts[0]);
        var lowest = TextSignature.Length;
        foreach (var index in posts)
        {
            var post = _posts[index];
            kept.Add(post);
            if (seen.Add(post.GroupId))
            {
                groups.Add(post.GroupId);
            }

            lowest = Math.Min(lowest, TextSignature.Agreement(firstSignature, SignatureOf(index)));
        }

        return new CrossPostCluster(kept, groups, (double)lowest / TextSignature.Length);
    }

    /// <summary>
    /// One band's buckets: band key → the bucket's first and latest post. Open addressing in one array of slots (key,
    /// generation and bucket side by side: a probe is one cache line) sized once for all the posts, at most half full,
    /// and emptied between bands by a generation number, not by clearing.
    /// </summary>
    private sealed class BandBuckets
    {
        private readonly Slot[] _slots;
        private readonly int _shift;
        private int _current;

        public BandBuckets(int posts)
        {
            var size = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, posts * 2));
            _slots = new Slot[size];
            _shift = 64 - System.Numerics.BitOperations.Log2((uint)size);
        }

        /// <summary>Empties every bucket.</summary>
        public void Clear() => _current++;

        /// <summary>Finds a key's bucket, adding an empty one when the key is new.</summary>
        public ref (int First, int Latest) GetOrAdd(ulong key, out bool exists)
        {
            var slots = _slots;
            var mask = slots.Length - 1;
            var index = (int)((key * 0x9E3779B97F4A7C15UL) >> _shift);
            while (true)
            {
                ref var slot = ref slots[index];
                if (slot.Generation != _current)
                {
                    slot.Generation = _current;
                    slot.Key = key;
                    slot.Bucket = default;
                    exists = false;
                    return ref slot.Bucket;
                }

                if (slot.Key == key)
                {
                    exists = true;
                    return ref slot.Bucket;
                }

                index = (index + 1) & mask;
            }
        }

        private struct Slot
        {
            public ulong Key;
            public int Generation;
            public (int First, int Latest) Bucket;
        }
    }

    private Span<ushort> SignatureOf(int index) =>
        _signatures[index >> ChunkShift].AsSpan((index & (ChunkSize - 1)) * TextSignature.Length, TextSignature.Length);

    /// <summary>Array.Sort is not stable: posts written at the same moment are put back in read order.</summary>
    private static void SortTiesByIndex(long[] ticks, int[] order)
    {
        for (var start = 0; start < ticks.Length;)
        {
            var end = start + 1;
            while (end < ticks.Length && ticks[end] == ticks[start])
            {
                end++;
            }

            if (end - start > 1)
            {
                Array.Sort(order, start, end - start);
            }

            start = end;
        }
    }

    private static int Find(int[] parent, int i)
    {
        while (parent[i] != i)
        {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }

        return i;
    }

    // The smaller index becomes the root, so roots do not depend on the order of the unions.
    private static void Union(int[] parent, int a, int b)
    {
        var rootA = Find(parent, a);
        var rootB = Find(parent, b);
        if (rootA < rootB)
        {
            parent[rootB] = rootA;
        }
        else if (rootB < rootA)
        {
            parent[rootA] = rootB;
        }
    }
}
