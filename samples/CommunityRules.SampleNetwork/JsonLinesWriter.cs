using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace CommunityRules.SampleNetwork;

/// <summary>Writes one compact JSON object per line: UTF-8 without BOM, <c>\n</c> line ends.</summary>
internal sealed class JsonLinesWriter : IDisposable
{
    /// <summary>
    /// Keeps å, ä, ö, æ, ø, é, &amp; and + readable instead of \u escapes; the files are data, never embedded in HTML.
    /// </summary>
    public static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    private const int BufferSize = 1 << 16;

    private readonly FileStream stream;
    private readonly Utf8JsonWriter writer;

    public JsonLinesWriter(string path)
    {
        stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, BufferSize);
        writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = Encoder });
    }

    /// <summary>Opens the object for the next line; finish it with <see cref="EndLine"/>.</summary>
    public Utf8JsonWriter StartLine()
    {
        writer.WriteStartObject();
        return writer;
    }

    public void EndLine()
    {
        writer.WriteEndObject();
        writer.Flush();
        stream.WriteByte((byte)'\n');
        writer.Reset();
    }

    public void Dispose()
    {
        writer.Dispose();
        stream.Dispose();
    }
}

/// <summary>Formats ids such as <c>p0001</c> or <c>post000001</c>, zero-padded wide enough for the largest number.</summary>
internal sealed class IdFormat(string prefix, int minimumWidth, long largestNumber)
{
    private readonly string numberFormat =
        "D" + Math.Max(minimumWidth, largestNumber.ToString(CultureInfo.InvariantCulture).Length).ToString(CultureInfo.InvariantCulture);

    /// <summary>Writes the id without allocating a string, which matters for millions of posts.</summary>
    public void Write(Utf8JsonWriter writer, JsonEncodedText name, int number)
    {
        Span<char> buffer = stackalloc char[32];
        prefix.CopyTo(buffer);
        number.TryFormat(buffer[prefix.Length..], out var written, numberFormat, CultureInfo.InvariantCulture);
        writer.WriteString(name, buffer[..(prefix.Length + written)]);
    }
}

/// <summary>The id formats of one snapshot.</summary>
internal sealed class SnapshotIds(int people, int groups, int posts, long largestCommentNumber)
{
    // The largest person and group numbers include the two deliberately dangling references past the end.
    public IdFormat Person { get; } = new("p", 4, people + 2);

    public IdFormat Group { get; } = new("g", 3, groups + 2);

    public IdFormat Post { get; } = new("post", 6, posts);

    public IdFormat Comment { get; } = new("c", 7, largestCommentNumber);
}

/// <summary>Property names of the snapshot format, encoded once.</summary>
internal static class Fields
{
    public static readonly JsonEncodedText Id = JsonEncodedText.Encode("id");
    public static readonly JsonEncodedText Name = JsonEncodedText.Encode("name");
    public static readonly JsonEncodedText GroupId = JsonEncodedText.Encode("groupId");
    public static readonly JsonEncodedText PersonId = JsonEncodedText.Encode("personId");
    public static readonly JsonEncodedText AuthorId = JsonEncodedText.Encode("authorId");
    public static readonly JsonEncodedText PostId = JsonEncodedText.Encode("postId");
    public static readonly JsonEncodedText ParentId = JsonEncodedText.Encode("parentId");
    public static readonly JsonEncodedText TargetId = JsonEncodedText.Encode("targetId");
    public static readonly JsonEncodedText CreatedAt = JsonEncodedText.Encode("createdAt");
    public static readonly JsonEncodedText Type = JsonEncodedText.Encode("type");
    public static readonly JsonEncodedText Title = JsonEncodedText.Encode("title");
    public static readonly JsonEncodedText Text = JsonEncodedText.Encode("text");
    public static readonly JsonEncodedText AcceptedAnswer = JsonEncodedText.Encode("acceptedAnswer");
}

/// <summary>Snapshot-format helpers for <see cref="Utf8JsonWriter"/>.</summary>
internal static class Utf8JsonWriterExtensions
{
    private const string TimestampFormat = "yyyy'-'MM'-'dd'T'HH':'mm':'ss'Z'";

    /// <summary>Writes an ISO-8601 UTC timestamp such as <c>2026-03-04T09:15:00Z</c>.</summary>
    public static void WriteTimestamp(this Utf8JsonWriter writer, JsonEncodedText name, DateTime instant)
    {
        Span<char> buffer = stackalloc char[20];
        instant.TryFormat(buffer, out var written, TimestampFormat, CultureInfo.InvariantCulture);
        writer.WriteString(name, buffer[..written]);
    }
}
