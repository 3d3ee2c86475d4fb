using CommunityRules.Model;

namespace CommunityRules.Checks.BuiltIn.Duplicates;

/// <summary>Two groups that look alike: their signals and score.</summary>
internal sealed record DuplicatePair(Group First, Group Second, PairSignals Signals, double Score);

/// <summary>Groups that all look alike each other: the group to keep first, then the others in source order; every pair of them, and their average score (the cluster's cohesion).</summary>
internal sealed record DuplicateCluster(Group Keep, IReadOnlyList<Group> Groups, IReadOnlyList<DuplicatePair> Pairs, double Cohesion);

/// <summary>
/// Finds clusters of look-alike groups.
/// </summary>
/// <remarks>
/// <para>
/// Comparing every group with every other is n² / 2 pairs: 50 million for 10,000 groups. Instead, candidate pairs
/// come from inverted indexes (blocking), and only they are scored. Group by group, in source order, each later group
/// that shares a key with it is a candidate:
/// </para>
/// <list type="bullet">
/// <item>a member: person → groups. The shared weight of a pair is summed on the way, so the member signal costs
/// nothing more. When the members condition is on (the default), this is the only index needed: a pair that shares
/// nobody cannot pass.</item>
/// <item>otherwise also a name key (a folded word or one of its one-letter deletions) or a topic.</item>
/// </list>
/// <para>
/// Keys in very many groups propose nothing (see <see cref="GroupProfiles.MaxGroupsPerKey"/>). The cost is then the
/// sum over people of (their groups)², not n². Passing pairs are joined into clusters in which every two groups are
/// a passing pair, so SE ~ NO ~ FI, all alike, is one finding, not three, and a chain of look-alikes whose ends are not
/// alike is not one cluster.
/// </para>
/// </remarks>
internal static class DuplicateFinder
{
    /// <summary>Evidence lists at most this many pairs of a cluster, the strongest; the rest are counted.</summary>
    public const int MaxEvidencePairs = 25;

    /// <summary>Finds the clusters among the groups.</summary>
    /// <param name="groups">The groups to compare, in source order.</param>
    /// <param name="network">The network, for members and activity.</param>
    /// <param name="writing">What was written in the groups, gathered while the posts streamed by; <see langword="null"/> when the posts are not compared.</param>
    /// <param name="settings">The rule's settings.</param>
    /// <param name="allPairs">Score every pair instead of the candidates: the naive way, for benchmarks and tests.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The clusters, ordered by the source position of the group to keep.</returns>
    public static IReadOnlyList<DuplicateCluster> Find(IReadOnlyList<Group> groups, NetworkView network, GroupWriting? writing, DuplicateSettings settings, bool allPairs, CancellationToken cancellationToken)
    {
        var profiles = GroupProfiles.Build(groups, network, writing, settings, withTextIndexes: !allPairs && !settings.MembersOnlyCandidates, cancellationToken);
        var passing = allPairs ? ScoreAllPairs(profiles, settings, cancellationToken) : ScoreCandidates(profiles, settings, cancellationToken);
        return Cluster(profiles, network, passing);
    }

    private static List<(int A, int B, PairSignals Signals, double Score)> ScoreCandidates(GroupProfiles profiles, DuplicateSettings settings, CancellationToken cancellationToken)
    {
        var passing = new List<(int, int, PairSignals, double)>();
        var count = profiles.Count;
        var shared = new double[count];
        var sharedCount = new int[count];
        var stamp = new int[count];
        var touched = new List<int>();
        for (var i = 0; i < count; i++)
        {
            if ((i & 63) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var mark = i + 1;
            touched.Clear();
            foreach (var person in profiles.Members[i])
            {
                var weight = profiles.PersonWeights[person];
                foreach (var other in After(profiles.GroupsOfPerson[person], i))
                {
                    if (stamp[other] != mark)
                    {
                        stamp[other] = mark;
                        shared[other] = 0;
                        sharedCount[other] = 0;
                        touched.Add(other);
                    }

                    shared[other] += weight;
                    sharedCount[other]++;
                }
            }

            if (!settings.MembersOnlyCandidates)
            {
                foreach (var key in profiles.NameKeys[i])
                {
                    Touch(profiles.KeyPostings[key], i, mark, stamp, shared, sharedCount, touched);
                }

                foreach (var topic in profiles.Topics[i])
                {
                    Touch(profiles.TopicPostings[topic], i, mark, stamp, shared, sharedCount, touched);
                }
            }

            foreach (var other in touched)
            {
                if (TryScore(profiles, settings, i, other, shared[other], sharedCount[other], out var signals, out var score))
                {
                    passing.Add((i, other, signals, score));
                }
            }
        }

        return passing;
    }

    private static List<(int A, int B, PairSignals Signals, double Score)> ScoreAllPairs(GroupProfiles profiles, DuplicateSettings settings, CancellationToken cancellationToken)
    {
        var passing = new List<(int, int, PairSignals, double)>();
        for (var i = 0; i < profiles.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            for (var j = i + 1; j < profiles.Count; j++)
            {
                var (shared, sharedCount) = Similarity.Shared(profiles.Members[i], profiles.Members[j], profiles.PersonWeights);
                if (TryScore(profiles, settings, i, j, shared, sharedCount, out var signals, out var score))
                {
                    passing.Add((i, j, signals, score));
                }
            }
        }

        return passing;
    }

    /// <summary>The part of an ascending posting list after group <paramref name="i"/>: each pair is looked at once, from its first group.</summary>
    private static ReadOnlySpan<int> After(int[] postings, int i)
    {
        var at = Array.BinarySearch(postings, i);
        return postings.AsSpan(at >= 0 ? at + 1 : ~at);
    }

    private static void Touch(int[]? postings, int i, int mark, int[] stamp, double[] shared, int[] sharedCount, List<int> touched)
    {
        if (postings is null)
        {
            return;
        }

        foreach (var other in After(postings, i))
        {
            if (stamp[other] != mark)
            {
                stamp[other] = mark;
                shared[other] = 0;
                sharedCount[other] = 0;
                touched.Add(other);
            }
        }
    }

    private static bool TryScore(GroupProfiles profiles, DuplicateSettings settings, int a, int b, double sharedWeight, int sharedCount, out PairSignals signals, out double score)
    {
        double? members = profiles.MemberTotals[a] > 0 && profiles.MemberTotals[b] > 0
            ? Math.Min(1, sharedWeight / Math.Min(profiles.MemberTotals[a], profiles.MemberTotals[b]))
            : null;

        // The members condition is the cheapest to check and rules out nearly every candidate: check it first.
        if (settings.RequireMembers && !(members >= settings.Minimum(DuplicateSignal.Members) && sharedCount >= settings.MinSharedMembers))
        {
            signals = default;
            score = 0;
            return false;
        }

        signals = new PairSignals(
            profiles.NameWords[a].Length > 0 && profiles.NameWords[b].Length > 0 ? Similarity.Names(profiles, a, b) : null,
            profiles.DescriptionTerms[a].Length > 0 && profiles.DescriptionTerms[b].Length > 0
                ? Similarity.Cosine(profiles.DescriptionTerms[a], profiles.DescriptionWeights[a], profiles.DescriptionTerms[b], profiles.DescriptionWeights[b])
                : null,
            profiles.Topics[a].Length > 0 && profiles.Topics[b].Length > 0 ? Similarity.Jaccard(profiles.Topics[a], profiles.Topics[b]) : null,
            members,
            sharedCount,
            profiles.PostTerms[a].Length > 0 && profiles.PostTerms[b].Length > 0
                ? Similarity.Cosine(profiles.PostTerms[a], profiles.PostWeights[a], profiles.PostTerms[b], profiles.PostWeights[b])
                : null);
        return signals.Passes(settings, out score);
    }

    /// <summary>
    /// Joins the passing pairs into clusters that hold together: every two groups of a cluster are a passing pair
    /// (complete linkage), so a chain A ~ B ~ C ~ D of look-alikes never puts A and D, which are not alike, in one
    /// cluster. Clusters are merged best first, by the average score of the pairs between them; a group alike to
    /// groups in two clusters joins the one it is closest to.
    /// </summary>
    private static List<DuplicateCluster> Cluster(GroupProfiles profiles, NetworkView network, List<(int A, int B, PairSignals Signals, double Score)> passing)
    {
        var score = new Dictionary<(int, int), double>();
        foreach (var (a, b, _, s) in passing)
        {
            score[(Math.Min(a, b), Math.Max(a, b))] = s;
        }

        var members = new Dictionary<int, List<int>>();
        var links = new Dictionary<int, Dictionary<int, Link>>();
        Dictionary<int, Link> LinksOf(int cluster)
        {
            if (!links.TryGetValue(cluster, out var map))
            {
                links[cluster] = map = [];
                members[cluster] = [cluster];
            }

            return map;
        }

        // Best first: the highest average score, then the smallest group indexes, so the result does not depend on
        // the order the pairs were found in. Entries go stale as clusters grow; they are checked when taken.
        var queue = new PriorityQueue<(int A, int B, int Version), (double Average, int A, int B)>(
            Comparer<(double Average, int A, int B)>.Create((x, y) =>
                x.Average != y.Average ? y.Average.CompareTo(x.Average) : x.A != y.A ? x.A.CompareTo(y.A) : x.B.CompareTo(y.B)));
        var version = 0;
        foreach (var ((a, b), s) in score.OrderBy(pair => pair.Key))
        {
            var link = new Link(1, s, ++version);
            LinksOf(a)[b] = link;
            LinksOf(b)[a] = link;
            queue.Enqueue((a, b, link.Version), (s, a, b));
        }

        while (queue.TryDequeue(out var candidate, out _))
        {
            var (a, b, stamp) = candidate;
            if (!links.TryGetValue(a, out var linksOfA) || !links.ContainsKey(b) || !linksOfA.TryGetValue(b, out var link) || link.Version != stamp
                || link.Count != members[a].Count * members[b].Count)
            {
                continue;
            }

            // Merge b into a, the cluster with the smaller first group, and add up the links of both to the others.
            var linksOfB = links[b];
            links.Remove(b);
            linksOfA.Remove(b);
            members[a].AddRange(members[b]);
            members.Remove(b);
            foreach (var (other, toB) in linksOfB)
            {
                if (other == a)
                {
                    continue;
                }

                var linksOfOther = links[other];
                linksOfOther.Remove(b);
                var merged = linksOfA.TryGetValue(other, out var toA)
                    ? new Link(toA.Count + toB.Count, toA.Sum + toB.Sum, ++version)
                    : new Link(toB.Count, toB.Sum, ++version);
                linksOfA[other] = merged;
                linksOfOther[a] = merged;
                if (merged.Count == members[a].Count * members[other].Count)
                {
                    var (first, second) = a < other ? (a, other) : (other, a);
                    queue.Enqueue((first, second, merged.Version), (merged.Sum / merged.Count, first, second));
                }
            }
        }

        var clusterOf = new Dictionary<int, int>();
        foreach (var (id, list) in members)
        {
            list.ForEach(i => clusterOf[i] = id);
        }

        var pairsOf = passing
            .Where(p => clusterOf[p.A] == clusterOf[p.B])
            .OrderBy(p => p.A).ThenBy(p => p.B)
            .GroupBy(p => clusterOf[p.A])
            .ToDictionary(g => g.Key, g => g.ToList());
        var clusters = new List<(int KeepIndex, DuplicateCluster Cluster)>();
        foreach (var (id, indexes) in members.Where(cluster => cluster.Value.Count > 1))
        {
            indexes.Sort();
            var keep = indexes
                .OrderByDescending(i => Activity(network, profiles.Groups[i]))
                .ThenByDescending(i => profiles.MemberCounts[i])
                .ThenBy(i => profiles.Groups[i].Id, StringComparer.Ordinal)
                .First();
            var groups = new List<Group> { profiles.Groups[keep] };
            groups.AddRange(indexes.Where(i => i != keep).Select(i => profiles.Groups[i]));
            var evidence = pairsOf[id]
                .Select(p => new DuplicatePair(profiles.Groups[p.A], profiles.Groups[p.B], p.Signals, p.Score))
                .ToList();
            clusters.Add((keep, new DuplicateCluster(profiles.Groups[keep], groups, evidence, evidence.Average(pair => pair.Score))));
        }

        return [.. clusters.OrderBy(c => c.KeepIndex).Select(c => c.Cluster)];
    }

    /// <summary>The passing pairs between two clusters: how many, the sum of their scores, and a stamp that tells a queued entry is stale.</summary>
    private readonly record struct Link(int Count, double Sum, int Version);

    private static long Activity(NetworkView network, Group group)
    {
        var activity = network.GetActivity(group.Id);
        return (long)activity.Posts + activity.Comments;
    }
}
