using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using CommunityRules.Model;

namespace CommunityRules.Engine;

/// <summary>
/// Which group each post read so far is in, for the comments read after the posts. It grows with every post of a run,
/// so it keeps no post's id string. Ids that are a fixed text and a fixed number of digits (<c>post0000042</c>, the
/// shape of the first id read) keep 4 bytes per post in pages indexed by the number, exactly; other ids keep 12 bytes
/// (a 64-bit hash of the id and the index of its group's id) in an open-addressing table: about 20 bytes per post.
/// </summary>
/// <remarks>
/// Two different hashed post ids share a hash with a chance of about 1 in 370,000 among 10 million posts; the later
/// post is then reported as a repeated id (CR0003), as a real repeat would be. Numbered ids never collide.
/// </remarks>
internal sealed class PostGroupIndex
{
    private const int InitialCapacity = 1 << 12;

    // Group ids are few; each is kept once, so the index holds no post's own copy of its group's id.
    private readonly StringNumbering _groupIds = new();
    private ulong[] _keys = new ulong[InitialCapacity];
    private int[] _groups = new int[InitialCapacity];
    private int _count;
    private int _hashed;

    // The numbered ids: the shape is the first id's text before its last digits and their count; a page holds the
    // group slot + 1 (0: no post) of PageSize numbers in a row.
    private const int PageBits = 14;
    private const int PageSize = 1 << PageBits;
    private string? _prefix;
    private int _digits;
    private int[]?[] _pages = [];
    private int _pagesKept;

    /// <summary>Gets the number of posts in the index.</summary>
    public int Count => _count;

    /// <summary>Adds a post, or returns <see langword="false"/> when a post with the same id was added before.</summary>
    public bool TryAdd(string postId, string groupId)
    {
        _prefix ??= ShapeOf(postId, out _digits);
        if (NumberOf(postId) is var number and >= 0)
        {
            var page = number >> PageBits;
            if (page < _pages.Length && _pages[page] is { } kept)
            {
                if (kept[number & (PageSize - 1)] != 0)
                {
                    return false;
                }
            }
            else if (!KeepsNewPage())
            {
                // Numbers so far apart that pages would hold mostly nothing: this one is hashed.
                return TryAddHashed(postId, groupId);
            }

            if (_hashed > 0 && Contains(postId))
            {
                return false;
            }

            PageOf(page)[number & (PageSize - 1)] = _groupIds.Number(groupId) + 1;
            _count++;
            return true;
        }

        return TryAddHashed(postId, groupId);
    }

    /// <summary>Finds the group of a post added before.</summary>
    public bool TryGetGroup(string postId, [NotNullWhen(true)] out string? groupId)
    {
        if (NumberOf(postId) is var number and >= 0
            && (number >> PageBits) < _pages.Length
            && _pages[number >> PageBits] is { } page
            && page[number & (PageSize - 1)] is var slot and > 0)
        {
            groupId = _groupIds[slot - 1];
            return true;
        }

        return TryGetHashed(postId, out groupId);
    }

    // The id's text before its last digits, and how many digits there are (at most 9, so the number fits an int).
    private static string ShapeOf(string id, out int digits)
    {
        var end = id.Length;
        var start = end;
        while (start > 0 && char.IsAsciiDigit(id[start - 1]) && end - start < 9)
        {
            start--;
        }

        digits = end - start;
        return digits == 0 ? string.Empty : id[..start];
    }

    // The id's number when it has the shape of the first id, else -1.
    private int NumberOf(string id)
    {
        if (_digits == 0 || id.Length != _prefix!.Length + _digits || !id.StartsWith(_prefix, StringComparison.Ordinal))
        {
            return -1;
        }

        var number = 0;
        for (var i = _prefix.Length; i < id.Length; i++)
        {
            var digit = id[i] - '0';
            if ((uint)digit > 9)
            {
                return -1;
            }

            number = (number * 10) + digit;
        }

        return number;
    }

    // Pages are kept while they hold at least one post in two slots on average, counting the page being opened: at
    // worst 8 bytes a post, for numbers spread thinly.
    private bool KeepsNewPage() => (_pagesKept + 1L) * PageSize <= 2L * (_count - _hashed + PageSize);

    private int[] PageOf(int page)
    {
        if (page >= _pages.Length)
        {
            Array.Resize(ref _pages, Math.Max(page + 1, _pages.Length * 2));
        }

        if (_pages[page] is not { } kept)
        {
            kept = _pages[page] = new int[PageSize];
            _pagesKept++;
        }

        return kept;
    }

    private bool Contains(string postId) => TryGetHashed(postId, out _);

    private bool TryAddHashed(string postId, string groupId)
    {
        if ((_hashed + 1) * 10L > _keys.Length * 7L)
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
                _groups[slot] = _groupIds.Number(groupId);
                _count++;
                _hashed++;
                return true;
            }
        }
    }

    private bool TryGetHashed(string postId, [NotNullWhen(true)] out string? groupId)
    {
        if (_hashed == 0)
        {
            groupId = null;
            return false;
        }

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
