using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Unicode;
using CommunityRules.Data.Archives;
using CsvHelper;

namespace CommunityRules.Data.VivaEngage;

/// <summary>
/// One CSV file of an export, read row by row with CsvHelper (RFC 4180: quoted fields with separators, doubled quotes
/// and line breaks) and looked up by header name, so columns may be reordered or added. Rows with bad quoting or the
/// wrong number of fields are reported with the line they start on and left out; the rest of the file is still read.
/// </summary>
internal sealed class CsvTable
{
    // A message body is kilobytes; a "row" this large is an unclosed quote, and holding it would hold the whole file.
    private const int MaxRecordBytes = 64 << 20;

    private static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

    private readonly ExportArchive _archive;
    private readonly string _entry;
    private readonly string[] _headers;

    private CsvTable(ExportArchive archive, string entry, string[] headers)
    {
        _archive = archive;
        _entry = entry;
        _headers = headers;
        Source = archive.Describe(entry);
        FileName = entry[(entry.LastIndexOf('/') + 1)..];
    }

    /// <summary>Gets the file as messages name it: the export's path and the entry.</summary>
    public string Source { get; }

    /// <summary>Gets the file's name as the export spells it, such as <c>Messages.csv</c>.</summary>
    public string FileName { get; }

    /// <summary>Opens a file of the export and reads its header.</summary>
    /// <param name="archive">The export.</param>
    /// <param name="entry">The file inside the export.</param>
    /// <param name="required">Columns without which no row can be read.</param>
    /// <returns>The table.</returns>
    /// <exception cref="DataSourceException">The file cannot be read, or lacks a required column.</exception>
    public static CsvTable Open(ExportArchive archive, string entry, params string[] required)
    {
        string[] headers;
        try
        {
            using var reader = CsvReader.Create(archive.OpenRead(entry), Options(null), leaveOpen: false);
            reader.ReadHeader();
            headers = [.. reader.Headers];
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or CsvFormatException)
        {
            throw new DataSourceException($"'{archive.Describe(entry)}' cannot be read: {ex.Message}", ex);
        }

        var table = new CsvTable(archive, entry, headers);
        var missing = required.Where(column => table.Column(column) < 0).ToList();
        if (missing.Count > 0)
        {
            var found = headers.Length == 0 ? "no header row at all" : "the columns " + string.Join(", ", headers);
            throw new DataSourceException(
                $"'{table.Source}' has no {string.Join(" or ", missing)} column, which a Viva Engage export's {table.FileName} has; it has {found}. Pass the CSV files as the export made them.");
        }

        return table;
    }

    /// <summary>Finds a column by its header name, ignoring case and surrounding spaces.</summary>
    /// <param name="name">The column's name.</param>
    /// <returns>The column's index, or -1 when the file has no such column.</returns>
    public int Column(string name) =>
        Array.FindIndex(_headers, header => string.Equals(header.Trim(), name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Reads the rows. The row object is reused: read what you need before the next row.</summary>
    /// <param name="issues">Receives the rows that cannot be read, or <see langword="null"/> for a pass that only learns ids.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The rows that could be read.</returns>
    public async IAsyncEnumerable<CsvRow> ReadAsync(IDataIssueReporter? issues, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var options = Options(malformed => Report(issues, malformed));
        using var reader = CsvReader.Create(_archive.OpenRead(_entry), options, leaveOpen: false);
        var row = new CsvRow(reader);
        long notUtf8 = 0;
        long firstNotUtf8 = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            bool more;
            try
            {
                more = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (CsvFormatException ex)
            {
                issues?.Report(new DataIssue(DataIssueKind.MalformedRecord, Source, ex.LineNumber > 0 ? ex.LineNumber : null,
                    $"{FileName} line {ex.LineNumber}: a row is larger than {MaxRecordBytes >> 20} MB, which is a quoted field that is never closed; the rest of the file could not be read"));
                break;
            }
            catch (Exception ex) when (ex is IOException or InvalidDataException)
            {
                throw new DataSourceException($"'{Source}' cannot be read to its end (after line {reader.LineNumber}): {ex.Message}. Download the export again.", ex);
            }

            if (!more)
            {
                break;
            }

            // Spreadsheet programs save CSV in the Windows code page; such rows are not UTF-8, and Nordic letters in
            // them are single bytes. Read those rows as Windows-1252 rather than turn the letters into '?'.
            row.NotUtf8 = !Utf8.IsValid(reader.RawRecord);
            if (row.NotUtf8 && notUtf8++ == 0)
            {
                firstNotUtf8 = reader.LineNumber;
            }

            yield return row;
        }

        if (notUtf8 > 0)
        {
            issues?.Report(new DataNote($"{notUtf8:N0} rows of {FileName} are not UTF-8, the first at line {firstNotUtf8}; they were read as Windows-1252, the encoding spreadsheet programs save CSV files in. If letters look wrong, take the file from the export again rather than a copy saved by a spreadsheet.") { Source = Source });
        }
    }

    private static CsvReaderOptions Options(Action<CsvMalformedRecord>? onMalformed) => CsvReaderOptions.Default with
    {
        Separator = ',',
        HasHeader = true,
        TrackLineNumbers = true,
        AllowLineBreaksInQuotes = true,
        MalformedData = CsvMalformedDataHandling.Skip,
        FieldCountMismatch = CsvFieldCountHandling.Skip,
        MaxRecordSize = MaxRecordBytes,
        IncludeValuesInExceptions = false,

        // Always set, also when nothing is reported: it switches on the detection that makes rows be skipped, and
        // every pass over a file must skip the same rows.
        OnMalformedRecord = onMalformed ?? (_ => { }),
    };

    private void Report(IDataIssueReporter? issues, CsvMalformedRecord malformed)
    {
        if (issues is null)
        {
            return;
        }

        var line = malformed.LineNumber;
        var lastLine = line + LineBreaks(malformed.RawRecord);
        var lines = lastLine > line ? $"lines {line} to {lastLine}" : $"line {line}";
        var what = malformed.Reason switch
        {
            CsvMalformedReason.StrayQuote => "a quote in the middle of a field that is not quoted (bad CSV quoting)",
            CsvMalformedReason.TextAfterClosingQuote => "text after the closing quote of a field (bad CSV quoting)",
            CsvMalformedReason.UnterminatedQuote => $"a quoted field is never closed, so the rest of the file ({lines}) was read as this one row",
            CsvMalformedReason.FieldCountMismatch when lastLine > line => $"the row ({lines}) does not have the {_headers.Length} fields of the header; a quote may be missing or extra",
            CsvMalformedReason.FieldCountMismatch => $"the row does not have the {_headers.Length} fields of the header",
            _ => $"the row is not valid CSV ({malformed.Reason})",
        };
        if (lastLine > line && malformed.Reason is CsvMalformedReason.StrayQuote or CsvMalformedReason.TextAfterClosingQuote)
        {
            what += $"; the row runs over {lines}, so a quote may be missing and the rows in between were read as part of it";
        }

        issues.Report(new DataIssue(DataIssueKind.MalformedRecord, Source, line > 0 ? line : null, $"{FileName} line {line}: {what}; the row was left out"));
    }

    // The lines a record spans after its first; a record that runs to the end of the file ends with the last line break.
    private static long LineBreaks(string raw)
    {
        raw = raw.TrimEnd('\r', '\n');
        long count = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] == '\n' || (raw[i] == '\r' && (i + 1 == raw.Length || raw[i + 1] != '\n')))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>The current row of a <see cref="CsvTable"/>; valid until the next row is read.</summary>
    internal sealed class CsvRow(CsvReader reader)
    {
        /// <summary>Gets the line the row starts on, counting the header and the lines inside quoted fields.</summary>
        public long Line => reader.LineNumber;

        /// <summary>Gets or sets a value indicating whether the row's bytes are not UTF-8, so its fields are read as Windows-1252.</summary>
        public bool NotUtf8 { get; set; }

        /// <summary>Gets a field as it is, or <see langword="null"/> when it is empty or the file has no such column.</summary>
        public string? Text(int column)
        {
            if (column < 0 || column >= reader.FieldCount || reader.IsEmpty(column))
            {
                return null;
            }

            return NotUtf8 ? Windows1252.GetString(reader.GetSpan(column)) : reader.GetString(column);
        }

        /// <summary>Gets a field without surrounding spaces, or <see langword="null"/> when that leaves nothing.</summary>
        public string? Value(int column) => !IsSet(column) ? null : Text(column)!.Trim() is { Length: > 0 } value ? value : null;

        /// <summary>Says whether a field has anything but spaces in it.</summary>
        public bool IsSet(int column) => column >= 0 && column < reader.FieldCount && !Trim(reader.GetSpan(column)).IsEmpty;

        /// <summary>Says whether a field is <c>true</c> (the export writes <c>true</c> and <c>TRUE</c>), <c>yes</c> or <c>1</c>.</summary>
        public bool IsTrue(int column)
        {
            if (column < 0 || column >= reader.FieldCount)
            {
                return false;
            }

            var value = Trim(reader.GetSpan(column));
            return Ascii.EqualsIgnoreCase(value, "true"u8) || Ascii.EqualsIgnoreCase(value, "yes"u8) || value.SequenceEqual("1"u8);
        }

        /// <summary>Says whether a field is a given ASCII word, ignoring case and surrounding spaces.</summary>
        public bool Is(int column, ReadOnlySpan<byte> word) =>
            column >= 0 && column < reader.FieldCount && Ascii.EqualsIgnoreCase(Trim(reader.GetSpan(column)), word);

        private static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> value) => value.Trim(" \t"u8);
    }
}
