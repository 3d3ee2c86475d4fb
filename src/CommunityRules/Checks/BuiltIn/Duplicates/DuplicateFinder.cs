using CommunityRules.Model;

namespace CommunityRules.Checks.BuiltIn.Duplicates;

/// <summary>Two groups that look alike: their signals and score.</summary>
internal sealed record DuplicatePair(Group First, Group Second, PairSignals Signals, double Score);

/// <summary>Groups that look alike, directly or through each other: the group to keep first, then the others in source order.</summary>
internal sealed record DuplicateCluster(Group Keep, IReadOnlyList<Group> Groups, IReadOnlyList<DuplicatePair> Pairs);

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
/// sum over people of (their groups)², not n². Passing pairs are joined into clusters with a union-find, so a chain
/// SE ~ NO ~ FI is one finding, not three.
/// </para>
/// </remarks>
internal static class DuplicateFinder
{
    /// <summary>Evidence lists at most this many pairs of a cluster, the strongest; the rest are counted.</summary>
    public const int MaxEvidencePairs = 25;

    /// <summary>Finds the clusters among the groups.</summary>
    /// <param name="groups">The groups to compare, in source order.</param>
    /// <param name="network">The network, for members and activity.</param>
    /// <param name="settings">The rule's settings.</param>
    /// <param name="allPairs">Score every pair instead of the candidates: the naive way, for benchmarks and tests.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The clusters, ordered by the source position of the group to keep.</returns>
    public static IReadOnlyList<DuplicateCluster> Find(IReadOnlyList<Group> groups, NetworkView network, DuplicateSettings settings, bool allPairs, CancellationToken cancellationToken)
    {
        var profiles = GroupProfiles.Build(groups, network, settings, withTextIndexes: !allPairs && !settings.MembersOnlyCandidates, cancellationToken);
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
            profiles.NameWords[a].Length > 0 && profiles.NameWords[b].Length > 0 ? Similarity.Names(profiles.NameWords[a], profiles.NameWords[b], profiles.WordTexts) : null,
            profiles.DescriptionTerms[a].Length > 0 && profiles.DescriptionTerms[b].Length > 0
                ? Similarity.Cosine(profiles.DescriptionTerms[a], profiles.DescriptionWeights[a], profiles.DescriptionTerms[b], profiles.DescriptionWeights[b])
                : null,
            profiles.Topics[a].Length > 0 && profiles.Topics[b].Length > 0 ? Similarity.Jaccard(profiles.Topics[a], profiles.Topics[b]) : null,
            members,
            sharedCount);
        return signals.Passes(settings, out score);
    }

    private static List<DuplicateCluster> Cluster(GroupProfiles profiles, NetworkView network, List<(int A, int B, PairSignals Signals, double Score)> passing)
    {
        var parents = Enumerable.Range(0, profiles.Count).ToArray();
        int Root(int x)
        {
            while (parents[x] != x)
            {
                parents[x] = parents[parents[x]];
                x = parents[x];
            }

            return x;
        }

        foreach (var (a, b, _, _) in passing)
        {
            var (ra, rb) = (Root(a), Root(b));
            if (ra != rb)
            {
                // The smaller index becomes the root, so clusters come out the same whatever the order of the pairs.
                parents[Math.Max(ra, rb)] = Math.Min(ra, rb);
            }
        }

        var members = new SortedDictionary<int, List<int>>();
        var pairs = new Dictionary<int, List<(int A, int B, PairSignals Signals, double Score)>>();
        foreach (var pair in passing.OrderBy(p => p.A).ThenBy(p => p.B))
        {
            var root = Root(pair.A);
            if (!pairs.TryGetValue(root, out var list))
            {
                pairs[root] = list = [];
                members[root] = [];
            }

            list.Add(pair);
        }

        for (var i = 0; i < profiles.Count; i++)
        {
            if (members.TryGetValue(Root(i), out var list))
            {
                list.Add(i);
            }
        }

        var clusters = new List<(int KeepIndex, DuplicateCluster Cluster)>();
        foreach (var (root, indexes) in members)
        {
            var keep = indexes
                .OrderByDescending(i => Activity(network, profiles.Groups[i]))
                .ThenByDescending(i => profiles.MemberCounts[i])
                .ThenBy(i => profiles.Groups[i].Id, StringComparer.Ordinal)
                .First();
            var groups = new List<Group> { profiles.Groups[keep] };
            groups.AddRange(indexes.Where(i => i != keep).Select(i => profiles.Groups[i]));
            var evidence = pairs[root]
                .Select(p => new DuplicatePair(profiles.Groups[p.A], profiles.Groups[p.B], p.Signals, p.Score))
                .ToList();
            clusters.Add((keep, new DuplicateCluster(profiles.Groups[keep], groups, evidence)));
        }

        return [.. clusters.OrderBy(c => c.KeepIndex).Select(c => c.Cluster)];
    }

    private static long Activity(NetworkView network, Group group)
    {
        var activity = network.GetActivity(group.Id);
        return (long)activity.Posts + activity.Comments;
    }
}
