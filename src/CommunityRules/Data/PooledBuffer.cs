using System.Buffers;

namespace CommunityRules.Data;

/// <summary>The growth step of the pooled read buffers the streaming readers keep.</summary>
internal static class PooledBuffer
{
    /// <summary>Rents a buffer twice as large, copies the bytes in use into it and returns the old one to the pool.</summary>
    /// <param name="buffer">The buffer; replaced by the larger one.</param>
    /// <param name="used">How many bytes from the start are in use.</param>
    public static void Grow(ref byte[] buffer, int used)
    {
        var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
        Buffer.BlockCopy(buffer, 0, larger, 0, used);
        ArrayPool<byte>.Shared.Return(buffer);
        buffer = larger;
    }
}
