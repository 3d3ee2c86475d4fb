namespace CommunityRules.Checks.BuiltIn;

/// <summary>
/// One bit per bucket of 64-bit word hashes, set for the buckets of a small set (function words): a word whose bit is
/// clear is surely not in the set, so most words are answered with one load instead of a hash-set lookup. A set bit
/// only means "maybe": the set itself decides.
/// </summary>
internal sealed class HashPrefilter
{
    // 2^16 buckets, 8 KB: a few hundred words set well under 1 % of the bits.
    private const int Bits = 16;

    private readonly ulong[] _bits = new ulong[(1 << Bits) / 64];

    public HashPrefilter(IEnumerable<ulong> hashes)
    {
        foreach (var hash in hashes)
        {
            var bucket = Bucket(hash);
            _bits[bucket >> 6] |= 1UL << (int)(bucket & 63);
        }
    }

    /// <summary>Gets whether the set may hold the hash; <see langword="false"/> means it surely does not.</summary>
    public bool MayContain(ulong hash)
    {
        var bucket = Bucket(hash);
        return (_bits[bucket >> 6] & (1UL << (int)(bucket & 63))) != 0;
    }

    // The high bits: FNV-1a mixes them best.
    private static uint Bucket(ulong hash) => (uint)(hash >> (64 - Bits));
}
