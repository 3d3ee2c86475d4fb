using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace CommunityRules.Engine;

/// <summary>
/// Which group each post read so far is in, for the comments read after the posts. It grows with every post of a run,
/// so it keeps 12 bytes per post (a 64-bit hash of the post's id and the index of its group's id) in an
/// open-addressing table, not the post's id string: about 20 bytes per post instead of about 75.
/// </summary>
/// <remarks>
/// Two different post ids share a hash with a chance of about 1 in 370,000 among 10 million posts; the later post is
/// then reported as a repeated id (CR0003), as a real repeat would be.
/// </remarks>
internal sealed class PostGroupIndex
{
    private const int InitialCapacity = 1 << 12;

    private readonly Dictionary<string, int> _groupSlots = new(StringComparer.Ordinal);
    private readonly List<string> _groupIds = [];
    private ulong[] _keys = new ulong[InitialCapacity];
    private int[] _groups = new int[InitialCapacity];
    private int _count;

    /// <summary>Gets the number of posts in the index.</summary>
    public int Count => _count;

    /// <summary>Adds a post, or returns <see langword="false"/> when a post with the same id was added before.</summary>
    public bool TryAdd(string postId, string groupId)
    {
        if ((_count + 1) * 10L > _keys.Length * 7L)
        {
            Grow();
        }

        var key = Hash(postId);
        var mask = _keys.Length - 1;
        for (var slot = (int)key & mask; ; slot = (slot + 1) & mask)
        {
            if (_keys[slot] == key)
            {
                return false;
            }

            if (_keys[slot] == 0)
            {
                _keys[slot] = key;
                _groups[slot] = GroupSlot(groupId);
                _count++;
                return true;
            }
        }
    }

    /// <summary>Finds the group of a post added before.</summary>
    public bool TryGetGroup(string postId, [NotNullWhen(true)] out string? groupId)
    {
        var key = Hash(postId);
        var mask = _keys.Length - 1;
        for (var slot = (int)key & mask; _keys[slot] != 0; slot = (slot + 1) & mask)
        {
            if (_keys[slot] == key)
            {
                groupId = _groupIds[_groups[slot]];
                return true;
            }
        }

        groupId = null;
        return false;
    }

    // Group ids are few; each is kept once, so the index holds no post's own copy of its group's id.
    private int GroupSlot(string groupId)
    {
        if (!_groupSlots.TryGetValue(groupId, out var slot))
        {
            slot = _groupIds.Count;
            _groupIds.Add(groupId);
            _groupSlots.Add(groupId, slot);
        }

        return slot;
    }

    private void Grow()
    {
        var keys = new ulong[_keys.Length * 2];
        var groups = new int[keys.Length];
        var mask = keys.Length - 1;
        for (var i = 0; i < _keys.Length; i++)
        {
            if (_keys[i] == 0)
            {
                continue;
            }

            var slot = (int)_keys[i] & mask;
            while (keys[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            keys[slot] = _keys[i];
            groups[slot] = _groups[i];
        }

        _keys = keys;
        _groups = groups;
    }

    /// <summary>FNV-1a over the id's characters, then mixed (MurmurHash3's finalizer) so the low bits pick slots evenly; never 0, which marks a free slot.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong Hash(string id)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in id)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        hash ^= hash >> 33;
        hash *= 0xff51afd7ed558ccdUL;
        hash ^= hash >> 33;
        hash *= 0xc4ceb9fe1a85ec53UL;
        hash ^= hash >> 33;
        return hash == 0 ? 1 : hash;
    }
}
