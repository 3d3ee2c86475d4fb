using CommunityRules.Model;

namespace CommunityRules.Checks.BuiltIn.Duplicates;

/// <summary>
/// What the check compares, prepared once per run for the groups it looks at (index = position in the list):
/// folded name words, a TF-IDF vector of the description, folded topics and the members, all as sorted integer ids
/// so a pair is compared by merging two short arrays. Also the inverted indexes that propose candidate pairs.
/// </summary>
internal sealed class GroupProfiles
{
    private GroupProfiles(IReadOnlyList<Group> groups)
    {
        Groups = groups;
        var count = groups.Count;
        NameWords = new int[count][];
        DescriptionTerms = new int[count][];
        DescriptionWeights = new double[count][];
        Topics = new int[count][];
        PostTerms = new int[count][];
        PostWeights = new double[count][];
        JoinedNames = new int[count];
        Members = new int[count][];
        MemberTotals = new double[count];
        MemberCounts = new int[count];

        // Keys shared by more groups than this propose no pairs: a word such as "support" or a person who is in
        // hundreds of groups would otherwise pair everything with everything (quadratic again) while saying little.
        MaxGroupsPerKey = Math.Max(200, 4 * (int)Math.Sqrt(count));
    }

    public IReadOnlyList<Group> Groups { get; }

    public int Count => Groups.Count;

    /// <summary>Gets the most groups a name word, topic or person may be in and still propose candidate pairs.</summary>
    public int MaxGroupsPerKey { get; }

    /// <summary>Gets each group's distinct name words as ids into <see cref="WordTexts"/>, in the order written.</summary>
    public int[][] NameWords { get; }

    /// <summary>
    /// Gets each group's name words written as one word, as an id into <see cref="WordTexts"/> ("close-reasons" is
    /// "closereason", as is "closereasons"); -1 when the name has fewer than two words.
    /// </summary>
    public int[] JoinedNames { get; }

    /// <summary>Gets the text of each word id.</summary>
    public List<string> WordTexts { get; } = [];

    /// <summary>Gets each group's description terms as word ids, ascending; empty when it has no meaningful word.</summary>
    public int[][] DescriptionTerms { get; }

    /// <summary>Gets the TF-IDF weights of <see cref="DescriptionTerms"/>, the vector scaled to length 1.</summary>
    public double[][] DescriptionWeights { get; }

    /// <summary>Gets each group's distinct folded topics as ids, ascending.</summary>
    public int[][] Topics { get; }

    /// <summary>Gets the words of each group's posts as ids, ascending; empty when too little was written to compare.</summary>
    public int[][] PostTerms { get; }

    /// <summary>Gets the TF-IDF weights of <see cref="PostTerms"/>, the vector scaled to length 1.</summary>
    public double[][] PostWeights { get; }

    /// <summary>Gets each group's distinct people — its members and the people who posted in it — as person indexes, ascending; people in too many groups left out.</summary>
    public int[][] Members { get; }

    /// <summary>Gets the sum of each group's member weights.</summary>
    public double[] MemberTotals { get; }

    /// <summary>Gets each group's number of distinct members, everyone counted: the tie-break when choosing the group to keep.</summary>
    public int[] MemberCounts { get; }

    /// <summary>Gets each person's weight: 1 divided by the number of groups the person is in.</summary>
    public double[] PersonWeights { get; private set; } = [];

    /// <summary>Gets the groups of each person, ascending: the member index.</summary>
    public int[][] GroupsOfPerson { get; private set; } = [];

    /// <summary>Gets the name keys of each group (its words and, for fuzzy matches, their one-letter deletions) as ids into <see cref="KeyPostings"/>.</summary>
    public int[][] NameKeys { get; private set; } = [];

    /// <summary>Gets the groups of each name key, ascending; <see langword="null"/> for keys in too many groups.</summary>
    public int[]?[] KeyPostings { get; private set; } = [];

    /// <summary>Gets the groups of each topic, ascending; <see langword="null"/> for topics in too many groups.</summary>
    public int[]?[] TopicPostings { get; private set; } = [];

    /// <summary>Fewer words than this written in a group are too few to say what it is about: its posts are no data.</summary>
    public const int MinPostWords = 30;

    public static GroupProfiles Build(IReadOnlyList<Group> groups, NetworkView network, GroupWriting? writing, DuplicateSettings settings, bool withTextIndexes, CancellationToken cancellationToken)
    {
        var profiles = new GroupProfiles(groups);
        var words = new Dictionary<string, int>(StringComparer.Ordinal);
        int WordId(string word)
        {
            if (!words.TryGetValue(word, out var id))
            {
                id = words.Count;
                words.Add(word, id);
                profiles.WordTexts.Add(word);
            }

            return id;
        }

        var topicIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var descriptionCounts = new Dictionary<int, int>[groups.Count];
        var documentFrequency = new Dictionary<int, int>();
        for (var i = 0; i < groups.Count; i++)
        {
            if ((i & 255) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var group = groups[i];
            profiles.NameWords[i] = [.. Meaningful(group.Name, settings).Select(WordId).Distinct()];

            // Written as one word, function words included, so "vote-to-close" is "votetoclose" too.
            var allWords = NameText.Words(group.Name).Where(word => !settings.IgnoreWords.Contains(word)).ToList();
            profiles.JoinedNames[i] = allWords.Count > 1 ? WordId(EnglishStemmer.Stem(string.Concat(allWords))) : -1;

            var counts = new Dictionary<int, int>();
            foreach (var word in Meaningful(group.Description, settings))
            {
                var id = WordId(word);
                if (counts.TryGetValue(id, out var n))
                {
                    counts[id] = n + 1;
                }
                else
                {
                    counts.Add(id, 1);
                    documentFrequency[id] = documentFrequency.GetValueOrDefault(id) + 1;
                }
            }

            descriptionCounts[i] = counts;

            var topics = new SortedSet<int>();
            foreach (var topic in group.Topics)
            {
                var folded = string.IsNullOrWhiteSpace(topic) ? string.Empty : NameText.Fold(topic).Trim();
                if (folded.Length > 0)
                {
                    if (!topicIds.TryGetValue(folded, out var id))
                    {
                        id = topicIds.Count;
                        topicIds.Add(folded, id);
                    }

                    topics.Add(id);
                }
            }

            profiles.Topics[i] = [.. topics];
        }

        // TF-IDF with a smoothed IDF, ln((N + 1) / df): the words of a description template shared by many groups
        // weigh little, and a word in every group of a two-group example still weighs something.
        for (var i = 0; i < groups.Count; i++)
        {
            var terms = descriptionCounts[i].Keys.Order().ToArray();
            var weights = new double[terms.Length];
            double norm = 0;
            for (var t = 0; t < terms.Length; t++)
            {
                weights[t] = descriptionCounts[i][terms[t]] * Math.Log((groups.Count + 1.0) / documentFrequency[terms[t]]);
                norm += weights[t] * weights[t];
            }

            norm = Math.Sqrt(norm);
            for (var t = 0; t < weights.Length; t++)
            {
                weights[t] /= norm;
            }

            profiles.DescriptionTerms[i] = norm > 0 ? terms : [];
            profiles.DescriptionWeights[i] = norm > 0 ? weights : [];
        }

        profiles.BuildPostTerms(writing);
        profiles.BuildMembers(network, writing, cancellationToken);
        if (withTextIndexes)
        {
            profiles.BuildNameKeys();
            profiles.TopicPostings = Postings(profiles.Topics, topicIds.Count, profiles.MaxGroupsPerKey);
        }

        return profiles;
    }

    /// <summary>
    /// The folded words of a name or description that say something — not a stop word, not an ignored word, not a
    /// single letter — without their English inflections ("reasons" is "reason", "closed" is "close").
    /// </summary>
    private static IEnumerable<string> Meaningful(string? text, DuplicateSettings settings) =>
        NameText.Words(text).Where(word => word.Length > 1 && !NameText.StopWords.Contains(word) && !settings.IgnoreWords.Contains(word)).Select(EnglishStemmer.Stem);

    /// <summary>TF-IDF vectors of what was written in each group, like the descriptions', over the words of the groups compared.</summary>
    private void BuildPostTerms(GroupWriting? writing)
    {
        var ids = new Dictionary<ulong, int>();
        var counts = new (int Term, int Count)[Count][];
        var documentFrequency = new List<int>();
        for (var i = 0; i < Count; i++)
        {
            var profile = writing?.Of(Groups[i].Id);
            if (profile is null || profile.Words < MinPostWords)
            {
                counts[i] = [];
                continue;
            }

            var terms = new List<(int, int)>();
            foreach (var (hash, count) in profile.Terms())
            {
                if (!ids.TryGetValue(hash, out var id))
                {
                    id = ids.Count;
                    ids.Add(hash, id);
                    documentFrequency.Add(0);
                }

                documentFrequency[id]++;
                terms.Add((id, count));
            }

            terms.Sort();
            counts[i] = [.. terms];
        }

        for (var i = 0; i < Count; i++)
        {
            var kept = counts[i];
            var terms = new int[kept.Length];
            var weights = new double[terms.Length];
            double norm = 0;
            for (var t = 0; t < terms.Length; t++)
            {
                terms[t] = kept[t].Term;
                weights[t] = kept[t].Count * Math.Log((Count + 1.0) / documentFrequency[terms[t]]);
                norm += weights[t] * weights[t];
            }

            norm = Math.Sqrt(norm);
            for (var t = 0; t < weights.Length; t++)
            {
                weights[t] /= norm;
            }

            PostTerms[i] = norm > 0 ? terms : [];
            PostWeights[i] = norm > 0 ? weights : [];
        }
    }

    /// <summary>
    /// The member index, person to groups. Each person weighs 1 / (number of groups they are in): an executive in 25
    /// groups says little about which two of them share a theme, a colleague in only these two says a lot.
    /// </summary>
    private void BuildMembers(NetworkView network, GroupWriting? writing, CancellationToken cancellationToken)
    {
        var people = new Dictionary<string, int>(StringComparer.Ordinal);
        var groupCounts = new List<int>();
        var raw = new int[Count][];
        for (var i = 0; i < Count; i++)
        {
            if ((i & 255) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            // The people who posted count as members: exports often have no memberships, and someone who posts in a
            // group is in it whatever the member list says.
            var memberships = network.GetMembers(Groups[i].Id);
            var authors = writing?.Of(Groups[i].Id)?.Authors ?? [];
            var members = new int[memberships.Count + authors.Count];
            var m = 0;
            foreach (var personId in memberships.Select(membership => membership.PersonId).Concat(authors))
            {
                if (!people.TryGetValue(personId, out var person))
                {
                    person = people.Count;
                    people.Add(personId, person);
                    groupCounts.Add(0);
                }

                members[m++] = person;
            }

            // An export may list a person twice in a group; a member is a person, not a membership row.
            Array.Sort(members);
            var distinct = members.Length == 0 ? 0 : 1;
            for (var j = 1; j < members.Length; j++)
            {
                if (members[j] != members[distinct - 1])
                {
                    members[distinct++] = members[j];
                }
            }

            raw[i] = members[..distinct];
            MemberCounts[i] = distinct;
            foreach (var person in raw[i])
            {
                groupCounts[person]++;
            }
        }

        PersonWeights = new double[groupCounts.Count];
        var groupsOfPerson = new List<int>?[groupCounts.Count];
        for (var p = 0; p < groupCounts.Count; p++)
        {
            // People in very many groups (everyone in the all-staff groups and more) are left out altogether: their
            // weight is next to nothing, and each would propose count² / 2 pairs.
            PersonWeights[p] = groupCounts[p] <= MaxGroupsPerKey ? 1.0 / groupCounts[p] : 0;
        }

        for (var i = 0; i < Count; i++)
        {
            var kept = raw[i].Where(person => PersonWeights[person] > 0).ToArray();
            Members[i] = kept;
            double total = 0;
            foreach (var person in kept)
            {
                total += PersonWeights[person];
                (groupsOfPerson[person] ??= []).Add(i);
            }

            MemberTotals[i] = total;
        }

        GroupsOfPerson = [.. groupsOfPerson.Select(list => list?.ToArray() ?? [])];
    }

    /// <summary>
    /// The name index. A word is its own key and, when it is long enough to be matched fuzzily, so is each of its
    /// one-letter deletions: "ekonomi" and "okonomi" share "konomi", "ekonomi" and "ekonomie" share "ekonomi". Two
    /// words one edit apart always share a key (the symmetric-delete idea), without comparing every word with every word.
    /// </summary>
    private void BuildNameKeys()
    {
        var keys = new Dictionary<string, int>(StringComparer.Ordinal);
        var nameKeys = new int[Count][];
        var set = new HashSet<int>();
        for (var i = 0; i < Count; i++)
        {
            set.Clear();
            foreach (var wordId in JoinedNames[i] >= 0 ? [.. NameWords[i], JoinedNames[i]] : NameWords[i])
            {
                var word = WordTexts[wordId];
                set.Add(KeyId(keys, word));
                if (word.Length >= Similarity.MinFuzzyLength)
                {
                    for (var d = 0; d < word.Length; d++)
                    {
                        set.Add(KeyId(keys, string.Concat(word.AsSpan(0, d), word.AsSpan(d + 1))));
                    }
                }
            }

            nameKeys[i] = [.. set.Order()];
        }

        NameKeys = nameKeys;
        KeyPostings = Postings(nameKeys, keys.Count, MaxGroupsPerKey);

        static int KeyId(Dictionary<string, int> keys, string key)
        {
            if (!keys.TryGetValue(key, out var id))
            {
                id = keys.Count;
                keys.Add(key, id);
            }

            return id;
        }
    }

    private static int[]?[] Postings(int[][] keysOfGroup, int keyCount, int max)
    {
        var lists = new List<int>?[keyCount];
        for (var i = 0; i < keysOfGroup.Length; i++)
        {
            foreach (var key in keysOfGroup[i])
            {
                (lists[key] ??= []).Add(i);
            }
        }

        return [.. lists.Select(list => list is { Count: > 1 } && list.Count <= max ? list.ToArray() : null)];
    }
}
