using System.Buffers;
using System.Text;
using System.Text.Json;
using CommunityRules.Diagnostics;
using CommunityRules.Model;

namespace CommunityRules.Reporting;

/// <summary>
/// Writes each finding as it is produced as one line of JSON (JSON Lines): the fields of a finding in the JSON report
/// (<c>docs/output-formats.md</c>), without <c>baselineState</c>, on one line ending in <c>\n</c>; UTF-8 without a
/// byte order mark to a stream. Each line is handed to the output, and the output flushed, as soon as it is written.
/// </summary>
/// <remarks>Not for several runs at once: give each run a writer of its own.</remarks>
public sealed class JsonLinesDiagnosticWriter : IDiagnosticSink, IDisposable
{
    private static readonly JsonWriterOptions LineOptions = new()
    {
        Indented = false,
        Encoder = ReportFormatting.WriterOptions.Encoder,
    };

    private readonly Stream? _stream;
    private readonly TextWriter? _text;
    private readonly bool _leaveOpen;
    private readonly ArrayBufferWriter<byte> _buffer = new(1024);
    private readonly Utf8JsonWriter _writer;
    private NetworkView? _network;
    private ResponsiblePeople? _responsible;

    /// <summary>Initializes a new instance of the <see cref="JsonLinesDiagnosticWriter"/> class that writes UTF-8 to a stream.</summary>
    /// <param name="output">Where the lines go.</param>
    /// <param name="leaveOpen">Whether disposing the writer leaves <paramref name="output"/> open.</param>
    public JsonLinesDiagnosticWriter(Stream output, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(output);
        _stream = output;
        _leaveOpen = leaveOpen;
        _writer = new Utf8JsonWriter(_buffer, LineOptions);
    }

    /// <summary>Initializes a new instance of the <see cref="JsonLinesDiagnosticWriter"/> class that writes to a text writer, such as the console; disposing the writer leaves it open.</summary>
    /// <param name="output">Where the lines go.</param>
    public JsonLinesDiagnosticWriter(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        _text = output;
        _leaveOpen = true;
        _writer = new Utf8JsonWriter(_buffer, LineOptions);
    }

    /// <summary>Gets the number of findings written.</summary>
    public long Count { get; private set; }

    /// <inheritdoc/>
    public void Emit(Diagnostic diagnostic, NetworkView network)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        ArgumentNullException.ThrowIfNull(network);
        if (!ReferenceEquals(network, _network))
        {
            _network = network;
            _responsible = ResponsiblePeople.Live(network);
        }

        _buffer.ResetWrittenCount();
        _writer.Reset();
        JsonReportWriter.WriteFinding(_writer, diagnostic, _responsible!.For(diagnostic), comparison: null);
        _writer.Flush();
        _buffer.Write(ReportFormatting.FinalNewLine.Span);
        if (_stream is not null)
        {
            _stream.Write(_buffer.WrittenSpan);
            _stream.Flush();
        }
        else
        {
            _text!.Write(Encoding.UTF8.GetString(_buffer.WrittenSpan));
            _text.Flush();
        }

        Count++;
    }

    /// <summary>Flushes the output and closes a stream unless the writer was asked to leave it open.</summary>
    public void Dispose()
    {
        _writer.Dispose();
        if (!_leaveOpen)
        {
            _stream?.Dispose();
        }
    }
}
