using System.Numerics;

namespace CommunityRules.Checks.BuiltIn;

/// <summary>
/// A fixed set of 64-bit word hashes (function words, ignored words, words too common to count), looked up for every
/// word of every post: open addressing in one array at most a quarter full, so a lookup is a load or two and a
/// comparison, without the hash-set's indirection.
/// </summary>
internal sealed class WordHashSet
{
    private readonly ulong[] _slots;
    private readonly int _shift;
    private readonly bool _hasZero;

    public WordHashSet(IEnumerable<ulong> hashes)
    {
        ulong[] distinct = [.. hashes.Distinct()];
        var size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, distinct.Length * 4));
        _slots = new ulong[size];
        _shift = 64 - BitOperations.Log2((uint)size);
        foreach (var hash in distinct)
        {
            // 0 marks an empty slot, so the hash 0 is remembered on its own.
            if (hash == 0)
            {
                _hasZero = true;
                continue;
            }

            var slot = Slot(hash);
            while (_slots[slot] != 0)
            {
                slot = (slot + 1) & (_slots.Length - 1);
            }

            _slots[slot] = hash;
        }

        Count = distinct.Length;
    }

    /// <summary>Gets the number of hashes in the set.</summary>
    public int Count { get; }

    /// <summary>Gets whether the set holds the hash.</summary>
    public bool Contains(ulong hash)
    {
        if (hash == 0)
        {
            return _hasZero;
        }

        var slots = _slots;
        var slot = Slot(hash);
        while (true)
        {
            var held = slots[slot];
            if (held == hash)
            {
                return true;
            }

            if (held == 0)
            {
                return false;
            }

            slot = (slot + 1) & (slots.Length - 1);
        }
    }

    // Fibonacci hashing of the whole hash: FNV-1a's low bits alone are weak.
    private int Slot(ulong hash) => (int)((hash * 0x9E3779B97F4A7C15UL) >> _shift);
}
