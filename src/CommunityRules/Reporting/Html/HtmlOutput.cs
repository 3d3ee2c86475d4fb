using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace CommunityRules.Reporting.Html;

/// <summary>
/// Builds the HTML in memory and writes it to the stream as UTF-8 in pieces of about 64 KiB, so a large report never
/// sits in memory whole. Text goes in through <see cref="Write(ref HtmlInterpolatedStringHandler)"/>, which encodes
/// every string it is given: only literals and <see cref="Markup"/> values are written as they are.
/// </summary>
internal sealed class HtmlOutput
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly Stream _stream;

    public HtmlOutput(Stream stream)
    {
        _stream = stream;
    }

    /// <summary>Gets the markup not yet written to the stream.</summary>
    internal StringBuilder Buffer { get; } = new(ReportFormatting.FlushThreshold + 8192);

    /// <summary>Writes markup in which every interpolated string is HTML-encoded.</summary>
    /// <param name="handler">The interpolated markup.</param>
    [SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "The handler binds to this instance's buffer through InterpolatedStringHandlerArgument.")]
    public void Write([InterpolatedStringHandlerArgument("")] ref HtmlInterpolatedStringHandler handler)
    {
        // The handler appended to the buffer as it was built.
        _ = handler;
    }

    /// <summary>Writes markup in which every interpolated string is HTML-encoded, then a line feed.</summary>
    /// <param name="handler">The interpolated markup.</param>
    public void Line([InterpolatedStringHandlerArgument("")] ref HtmlInterpolatedStringHandler handler)
    {
        _ = handler;
        Buffer.Append('\n');
    }

    /// <summary>Writes trusted markup as it is.</summary>
    /// <param name="markup">The markup.</param>
    public void Raw(Markup markup) => Buffer.Append(markup.Value);

    /// <summary>Writes what is buffered to the stream when it has grown past the threshold.</summary>
    public ValueTask FlushIfFullAsync(CancellationToken cancellationToken) =>
        Buffer.Length >= ReportFormatting.FlushThreshold ? FlushAsync(cancellationToken) : ValueTask.CompletedTask;

    /// <summary>Writes what is buffered to the stream.</summary>
    public async ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        if (Buffer.Length == 0)
        {
            return;
        }

        // The buffer only ever holds whole characters: encoded text never ends in half a surrogate pair.
        var bytes = Utf8.GetBytes(Buffer.ToString());
        Buffer.Clear();
        await _stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>Markup the report itself made, written without encoding.</summary>
/// <param name="Value">The markup.</param>
internal readonly record struct Markup(string Value);

/// <summary>
/// Appends an interpolated string to an <see cref="HtmlOutput"/>: literals as they are, strings HTML-encoded, numbers
/// in the invariant culture, <see cref="Markup"/> as it is. There is deliberately no overload for other types.
/// </summary>
[InterpolatedStringHandler]
internal readonly ref struct HtmlInterpolatedStringHandler
{
    private readonly StringBuilder _buffer;

    public HtmlInterpolatedStringHandler(int literalLength, int formattedCount, HtmlOutput output)
    {
        _ = literalLength;
        _ = formattedCount;
        _buffer = output.Buffer;
    }

    public void AppendLiteral(string value) => _buffer.Append(value);

    public void AppendFormatted(string? value) => HtmlText.Encode(_buffer, value);

    public void AppendFormatted(Markup value) => _buffer.Append(value.Value);

    public void AppendFormatted(int value) => _buffer.Append(value.ToString(CultureInfo.InvariantCulture));

    public void AppendFormatted(long value) => _buffer.Append(value.ToString(CultureInfo.InvariantCulture));

    public void AppendFormatted(double value) => _buffer.Append(HtmlText.Coordinate(value));
}
