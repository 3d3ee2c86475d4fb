using System.Buffers;
using System.Buffers.Binary;
using System.Text.Json;
using System.Text.Unicode;

namespace CommunityRules.Data.Snapshot;

/// <summary>
/// Hands out one string per repeated short value (a group or author id, a reaction type, a department), keyed on its
/// UTF-8 bytes, so a file of a million posts in a thousand groups does not make a million copies of the group ids.
/// Direct-mapped: a value whose slot another value took is decoded again, never wrong. One per file being read;
/// not thread-safe. Returns its buffers to the pool when disposed.
/// </summary>
internal sealed class Utf8StringCache : IDisposable
{
    /// <summary>Values longer than this (in UTF-8 bytes) are not cached: they are rarely repeated ids.</summary>
    public const int MaxKeyBytes = 32;

    /// <summary>The longest value (in UTF-8 bytes, so at most as many UTF-16 characters) <see cref="Decode"/> transcodes on the stack.</summary>
    private const int MaxDecodedOnStack = 1024;

    private const int SlotBits = 13;
    private const int Slots = 1 << SlotBits;

    private byte[] _keys = ArrayPool<byte>.Shared.Rent(Slots * MaxKeyBytes);
    private string?[] _values = ArrayPool<string?>.Shared.Rent(Slots);

    public Utf8StringCache() => Array.Clear(_values, 0, Slots);

    /// <summary>Reads the current string token: the cached string when the same bytes were read before, else a new one.</summary>
    /// <param name="reader">A reader on a string token.</param>
    /// <returns>The string; the reader's own <see cref="Utf8JsonReader.GetString"/> decides what is valid.</returns>
    public string GetString(ref Utf8JsonReader reader)
    {
        var bytes = reader.ValueSpan;
        if (reader.ValueIsEscaped || bytes.Length > MaxKeyBytes)
        {
            return reader.GetString()!;
        }

        var slot = Slot(bytes);
        var key = _keys.AsSpan(slot * MaxKeyBytes, MaxKeyBytes);
        var cached = _values[slot];

        // A slot keeps the key's bytes and, in its last byte, the key's length.
        if (cached is not null && key[MaxKeyBytes - 1] == bytes.Length && key[..bytes.Length].SequenceEqual(bytes))
        {
            return cached;
        }

        // Decoded (and validated) as without the cache.
        var value = Decode(ref reader);
        if (bytes.Length < MaxKeyBytes)
        {
            bytes.CopyTo(key);
            key[MaxKeyBytes - 1] = (byte)bytes.Length;
            _values[slot] = value;
        }

        return value;
    }

    /// <summary>
    /// Reads the current string token as <see cref="Utf8JsonReader.GetString"/> does, at less cost for a short value
    /// without escapes: one transcoding into a buffer on the stack and one copy into the string, where GetString counts
    /// the characters in one pass and transcodes in another. Anything else, bad UTF-8 included, is the reader's own.
    /// </summary>
    /// <param name="reader">A reader on a string token.</param>
    /// <returns>The string.</returns>
    public static string Decode(ref Utf8JsonReader reader)
    {
        var bytes = reader.ValueSpan;
        if (reader.ValueIsEscaped || reader.HasValueSequence || bytes.Length > MaxDecodedOnStack)
        {
            return reader.GetString()!;
        }

        Span<char> chars = stackalloc char[bytes.Length];
        return Utf8.ToUtf16(bytes, chars, out _, out var written, replaceInvalidSequences: false) == OperationStatus.Done
            ? new string(chars[..written])
            : reader.GetString()!;
    }

    public void Dispose()
    {
        if (_values.Length > 0)
        {
            ArrayPool<string?>.Shared.Return(_values, clearArray: true);
            ArrayPool<byte>.Shared.Return(_keys);
            _values = [];
            _keys = [];
        }
    }

    // A multiplicative hash over the bytes in 8-byte steps; its top bits pick the slot.
    private static int Slot(ReadOnlySpan<byte> bytes)
    {
        const ulong Multiplier = 0x9E3779B97F4A7C15;
        var hash = (ulong)bytes.Length;
        while (bytes.Length >= 8)
        {
            hash = (hash ^ BinaryPrimitives.ReadUInt64LittleEndian(bytes)) * Multiplier;
            bytes = bytes[8..];
        }

        ulong tail = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            tail |= (ulong)bytes[i] << (8 * i);
        }

        hash = (hash ^ tail) * Multiplier;
        return (int)((hash ^ (hash >> 29)) * Multiplier >> (64 - SlotBits));
    }
}
