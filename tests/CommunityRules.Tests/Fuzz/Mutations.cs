using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace CommunityRules.Tests.Fuzz;

/// <summary>The kinds of damage a mutation does to a seed file.</summary>
public enum MutationKind
{
    /// <summary>Flips one bit of one byte.</summary>
    FlipBit,

    /// <summary>Cuts the file off.</summary>
    Truncate,

    /// <summary>Inserts a hostile token.</summary>
    Insert,

    /// <summary>Inserts a copy of the line at the position after it (duplicate keys, duplicate records).</summary>
    DuplicateLine,

    /// <summary>Removes a few bytes.</summary>
    Delete,

    /// <summary>Copies a piece of the file elsewhere in it.</summary>
    Splice,

    /// <summary>Turns every \n into \r\n, or the reverse, from the position on.</summary>
    SwapLineEnds,
}

/// <summary>One change to a seed file; positions and sizes are fractions, so the same mutation fits any file.</summary>
/// <param name="Kind">What is done.</param>
/// <param name="At">Where, as a fraction of the length in millionths.</param>
/// <param name="Size">How much, or which token.</param>
public sealed record Mutation(MutationKind Kind, int At, int Size)
{
    /// <summary>Gets the tokens an <see cref="MutationKind.Insert"/> puts in: control characters, invalid UTF-8, BOMs, YAML and JSON syntax.</summary>
    public static IReadOnlyList<byte[]> Tokens { get; } = BuildTokens();

    public override string ToString() => Kind == MutationKind.Insert
        ? string.Create(CultureInfo.InvariantCulture, $"Insert@{At}:{Convert.ToHexString(Tokens[Size % Tokens.Count].AsSpan(0, Math.Min(16, Tokens[Size % Tokens.Count].Length)))}")
        : string.Create(CultureInfo.InvariantCulture, $"{Kind}@{At}:{Size}");

    /// <summary>Applies the mutations in order to a copy of the seed.</summary>
    public static byte[] Apply(byte[] seed, IEnumerable<Mutation> mutations)
    {
        var bytes = new List<byte>(seed);
        foreach (var mutation in mutations)
        {
            mutation.ApplyTo(bytes);
        }

        return [.. bytes];
    }

    private void ApplyTo(List<byte> bytes)
    {
        var at = (int)((long)bytes.Count * At / 1_000_000);
        switch (Kind)
        {
            case MutationKind.FlipBit when bytes.Count > 0:
                at = Math.Min(at, bytes.Count - 1);
                bytes[at] ^= (byte)(1 << (Size % 8));
                break;
            case MutationKind.Truncate:
                bytes.RemoveRange(at, bytes.Count - at);
                break;
            case MutationKind.Insert:
                bytes.InsertRange(at, Tokens[Size % Tokens.Count]);
                break;
            case MutationKind.DuplicateLine:
                var start = at > 0 ? bytes.LastIndexOf((byte)'\n', at - 1) + 1 : 0;
                var end = bytes.IndexOf((byte)'\n', at);
                end = end < 0 ? bytes.Count : end + 1;
                bytes.InsertRange(end, bytes.GetRange(start, end - start));
                break;
            case MutationKind.Delete:
                bytes.RemoveRange(at, Math.Min(1 + (Size % 64), bytes.Count - at));
                break;
            case MutationKind.Splice when bytes.Count > 0:
                var length = Math.Min(1 + (Size % 256), bytes.Count - at);
                var piece = bytes.GetRange(at, length);
                bytes.InsertRange((int)((long)bytes.Count * (Size % 1000) / 1000), piece);
                break;
            case MutationKind.SwapLineEnds:
                for (var i = at; i < bytes.Count; i++)
                {
                    if (bytes[i] == (byte)'\n' && (i == 0 || bytes[i - 1] != (byte)'\r') && Size % 2 == 0)
                    {
                        bytes.Insert(i, (byte)'\r');
                        i++;
                    }
                    else if (bytes[i] == (byte)'\r' && Size % 2 == 1)
                    {
                        bytes.RemoveAt(i);
                        i--;
                    }
                }

                break;
        }
    }

    private static List<byte[]> BuildTokens()
    {
        string[] text =
        [
            "\0", "\u0001", "\u0007", "\b", "\t", "\n", "\r", "\r\n", "\u000B", "\u000C", "\u001B[2J", "\u001B]8;;http://x/\u0007", "\u007F", "\u0085",
            "\u2028", "\u2029", "\uFEFF", "\u202E", "\u200B", "\u00A0", "\u0301", "🙂", "👩‍👩‍👧", "𝔘",
            "\"", "'", "\\", "\\u", "\\ud800", "\\udc00\\ud800", "\\u0000", "{", "}", "[", "]", ",", ":", "null", "true", "1e999", "-0", "99999999999999999999",
            "{\"id\":\"x\",\"id\":\"y\"}", "\"createdAt\":\"03/04/2025\"", "\"createdAt\":\"2025-02-30T25:61:00Z\"",
            "&a ", "*a", "&a [*a, *a, *a]", "<<: *a", "!!binary ", "!custom ", "!!python/object:os.system ", "? ", "- ", ": ", "|", ">-", "%YAML 1.1\n", "%TAG ! tag:x:\n",
            "---\n", "...\n", "#", "{{", "}}", "{rule.id}", "{match", "extends: [/dev/zero]\n", "extends: [builtin:posting-guidelines]\n", "rules:\n", "id: DUP\n",
            "  ", "\t\t", "19121212-1212", "anna@example.org", "http://", "(a+)+$",
        ];
        var tokens = text.Select(Encoding.UTF8.GetBytes).ToList();
        tokens.Add([0xEF, 0xBB, 0xBF]);                 // a BOM in bytes, also at the start
        tokens.Add([0xFF]);                             // never valid UTF-8
        tokens.Add([0xC0, 0x80]);                       // an overlong NUL
        tokens.Add([0xED, 0xA0, 0x80]);                 // an encoded surrogate
        tokens.Add([0xF4, 0x90, 0x80, 0x80]);           // beyond U+10FFFF
        tokens.Add([0xE2, 0x82]);                       // a sequence cut short
        tokens.Add([0x1F, 0x8B, 0x08, 0x00]);           // a gzip header inside
        tokens.Add(Encoding.UTF8.GetBytes(new string('a', 70_000)));               // a line beyond the rule file limit
        tokens.Add(Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("ASAP ", 2_000))));
        tokens.Add(Encoding.UTF8.GetBytes(new string('[', 2_000)));                 // deep nesting, JSON and YAML flow
        tokens.Add(Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("{\"a\":", 1_000))));
        tokens.Add(Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 200).Select(i => new string(' ', i) + "- x:\n"))));
        tokens.Add(Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 10).Select(i => $"a{i + 1}: &a{i + 1} [*a{i}, *a{i}, *a{i}, *a{i}]\n")).Replace("*a0", "x", StringComparison.Ordinal)));
        return tokens;
    }
}

/// <summary>A fuzz case: a seed file from the corpus and what is done to it.</summary>
/// <param name="Seed">The seed's file name.</param>
/// <param name="Mutations">The changes, in order.</param>
/// <param name="Variant">A free number the target uses for its own choices (plain or gzip, lone surrogates, ...).</param>
public sealed record FuzzCase(string Seed, IReadOnlyList<Mutation> Mutations, int Variant)
{
    public override string ToString() => $"{Seed} variant {Variant} [{string.Join(", ", Mutations)}]";
}

/// <summary>Generators of fuzz cases over the seed files of one target.</summary>
public static class FuzzGen
{
    private static readonly Gen<Mutation> Mutation =
        from kind in Gen.Frequency(
            (3, Gen.Constant(MutationKind.FlipBit)),
            (1, Gen.Constant(MutationKind.Truncate)),
            (6, Gen.Constant(MutationKind.Insert)),
            (2, Gen.Constant(MutationKind.DuplicateLine)),
            (2, Gen.Constant(MutationKind.Delete)),
            (2, Gen.Constant(MutationKind.Splice)),
            (1, Gen.Constant(MutationKind.SwapLineEnds)))
        from at in Gen.Choose(0, 1_000_000)
        from size in Gen.Choose(0, 1 << 20)
        select new Mutation(kind, at, size);

    /// <summary>Cases over the given seeds: none to eight mutations each.</summary>
    public static Arbitrary<FuzzCase> Cases(IReadOnlyList<string> seeds) => Arb.From(
        from seed in Gen.Elements(seeds.ToArray())
        from count in Gen.Frequency((1, Gen.Constant(0)), (6, Gen.Choose(1, 3)), (3, Gen.Choose(4, 8)))
        from mutations in Gen.ArrayOf(Mutation, count)
        from variant in Gen.Choose(0, 1 << 20)
        select new FuzzCase(seed, mutations, variant),
        Shrink);

    // Fewer mutations first, so a failure comes down to the one or two that matter.
    private static IEnumerable<FuzzCase> Shrink(FuzzCase value)
    {
        for (var i = 0; i < value.Mutations.Count; i++)
        {
            yield return value with { Mutations = [.. value.Mutations.Where((_, k) => k != i)] };
        }
    }
}
