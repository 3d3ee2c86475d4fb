using System.Collections;
using System.Runtime.InteropServices;

namespace CommunityRules.Model;

/// <summary>
/// A network's memberships as numbers: 24 bytes each, and 8 more for the two orders (by group, by person) built the
/// first time a rule asks, instead of a record, its two id strings and two lists of records (about 100 bytes each;
/// a large organisation has millions). <see cref="Membership"/> records are made when a rule reads them.
/// </summary>
internal sealed class MembershipTable
{
    // 4,096 entries (96 KB) a page: growing copies nothing and leaves at most one page part empty.
    private const int PageBits = 12;
    private const int PageSize = 1 << PageBits;

    private readonly NetworkView _network;
    private readonly List<Entry[]> _pages = [];
    private readonly Lock _indexLock = new();

    // Ids a membership names that are not a person or group of the network (yet): kept once, numbered ~index.
    private readonly StringNumbering _otherIds = new();

    private int _count;
    private Index? _index;

    public MembershipTable(NetworkView network) => _network = network;

    /// <summary>Adds a membership, given its group's and person's positions in the network (or -1 when not there).</summary>
    public void Add(Membership membership, int groupIndex, int personIndex)
    {
        if ((_count & (PageSize - 1)) == 0 && _count >> PageBits == _pages.Count)
        {
            _pages.Add(new Entry[PageSize]);
        }

        _pages[_count >> PageBits][_count & (PageSize - 1)] = new Entry
        {
            Group = groupIndex >= 0 ? groupIndex : ~_otherIds.Number(membership.GroupId),
            Person = personIndex >= 0 ? personIndex : ~_otherIds.Number(membership.PersonId),
            Role = (int)membership.Role,
            HasJoinedAt = membership.JoinedAt.HasValue,
            OffsetMinutes = membership.JoinedAt is { } joined ? (short)joined.Offset.TotalMinutes : (short)0,
            JoinedTicks = membership.JoinedAt?.Ticks ?? 0,
        };
        _count++;
        Volatile.Write(ref _index, null);
    }

    /// <summary>A group's memberships in the order they were added; <see langword="null"/> when it has none.</summary>
    public IReadOnlyList<Membership>? OfGroup(string groupId, int groupIndex)
    {
        var index = CurrentIndex();
        var key = groupIndex >= 0 ? groupIndex : _otherIds.TryGetNumber(groupId, out var other) ? index.Groups + other : -1;
        return key < 0 ? null : Slice(index.ByGroup, index.GroupStarts, key);
    }

    /// <summary>A person's memberships in the order they were added; <see langword="null"/> when there are none.</summary>
    public IReadOnlyList<Membership>? OfPerson(string personId, int personIndex)
    {
        var index = CurrentIndex();
        var key = personIndex >= 0 ? personIndex : _otherIds.TryGetNumber(personId, out var other) ? index.People + other : -1;
        return key < 0 ? null : Slice(index.ByPerson, index.PersonStarts, key);
    }

    private MembershipList? Slice(int[] order, int[] starts, int key)
    {
        var start = starts[key];
        var count = starts[key + 1] - start;
        return count == 0 ? null : new MembershipList(this, order, start, count);
    }

    private Membership Materialize(int at)
    {
        ref readonly var entry = ref _pages[at >> PageBits][at & (PageSize - 1)];
        return new Membership
        {
            GroupId = entry.Group >= 0 ? _network.GroupAt(entry.Group).Id : _otherIds[~entry.Group],
            PersonId = entry.Person >= 0 ? _network.PersonAt(entry.Person).Id : _otherIds[~entry.Person],
            Role = (MembershipRole)entry.Role,
            JoinedAt = entry.HasJoinedAt ? new DateTimeOffset(entry.JoinedTicks, TimeSpan.FromMinutes(entry.OffsetMinutes)) : null,
        };
    }

    // Built on first use after the memberships are read, and again if people, groups or memberships were added since.
    private Index CurrentIndex()
    {
        var index = Volatile.Read(ref _index);
        if (index is not null && index.Groups == _network.Groups.Count && index.People == _network.People.Count)
        {
            return index;
        }

        lock (_indexLock)
        {
            index = _index;
            if (index is null || index.Groups != _network.Groups.Count || index.People != _network.People.Count)
            {
                index = BuildIndex();
                Volatile.Write(ref _index, index);
            }

            return index;
        }
    }

    private Index BuildIndex()
    {
        var (groups, people, others) = (_network.Groups.Count, _network.People.Count, _otherIds.Count);

        // An id that was nobody's when its membership came may be a group or person added since: it counts as theirs.
        var otherAsGroup = new int[others];
        var otherAsPerson = new int[others];
        for (var i = 0; i < others; i++)
        {
            var group = _network.GroupIndexOf(_otherIds[i]);
            var person = _network.PersonIndexOf(_otherIds[i]);
            otherAsGroup[i] = group >= 0 ? group : groups + i;
            otherAsPerson[i] = person >= 0 ? person : people + i;
        }

        var groupKeys = new int[_count];
        var personKeys = new int[_count];
        for (var at = 0; at < _count; at++)
        {
            ref readonly var entry = ref _pages[at >> PageBits][at & (PageSize - 1)];
            groupKeys[at] = entry.Group >= 0 ? entry.Group : otherAsGroup[~entry.Group];
            personKeys[at] = entry.Person >= 0 ? entry.Person : otherAsPerson[~entry.Person];
        }

        var (byGroup, groupStarts) = StableOrder(groupKeys, groups + others);
        var (byPerson, personStarts) = StableOrder(personKeys, people + others);
        return new Index(groups, people, byGroup, groupStarts, byPerson, personStarts);
    }

    // A counting sort: the entries' positions grouped by key, in the order they were added within a key.
    private static (int[] Order, int[] Starts) StableOrder(int[] keys, int keyCount)
    {
        var starts = new int[keyCount + 1];
        foreach (var key in keys)
        {
            starts[key + 1]++;
        }

        for (var key = 0; key < keyCount; key++)
        {
            starts[key + 1] += starts[key];
        }

        var order = new int[keys.Length];
        var next = starts.AsSpan(0, keyCount).ToArray();
        for (var at = 0; at < keys.Length; at++)
        {
            order[next[keys[at]]++] = at;
        }

        return (order, starts);
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct Entry
    {
        public long JoinedTicks;
        public int Group;
        public int Person;
        public int Role;
        public short OffsetMinutes;
        public bool HasJoinedAt;
    }

    private sealed record Index(int Groups, int People, int[] ByGroup, int[] GroupStarts, int[] ByPerson, int[] PersonStarts);

    /// <summary>Some memberships, made into records as they are read.</summary>
    private sealed class MembershipList(MembershipTable table, int[] order, int start, int count) : IReadOnlyList<Membership>
    {
        public int Count => count;

        public Membership this[int index] =>
            (uint)index < (uint)count ? table.Materialize(order[start + index]) : throw new ArgumentOutOfRangeException(nameof(index));

        public IEnumerator<Membership> GetEnumerator()
        {
            for (var i = 0; i < count; i++)
            {
                yield return table.Materialize(order[start + i]);
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
