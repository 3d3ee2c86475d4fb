using System.IO.Compression;
using System.IO.Enumeration;
using System.Text;

namespace CommunityRules.Data.Archives;

/// <summary>
/// An export as a tree of files, from a folder or a <c>.zip</c>: entries are named by their path inside the export
/// with <c>/</c> separators, whichever it is. Zip entry names are read as UTF-8 even without the UTF-8 flag, because
/// exporters write them so (a channel named <c>försäljning</c> must keep its letters).
/// </summary>
internal abstract class ExportArchive : IDisposable
{
    private protected ExportArchive(string path) => Path = path;

    /// <summary>Gets the path the user gave: the folder or the zip file.</summary>
    public string Path { get; }

    /// <summary>Gets the entries that are files, by their path inside the export, in ordinal order.</summary>
    public abstract IReadOnlyList<string> Entries { get; }

    /// <summary>
    /// Lists the entries one at a time, in no set order, for a provider that keeps only what it makes of them: a
    /// folder of 400,000 files is then not held as 400,000 names.
    /// </summary>
    /// <returns>The entries that are files, as in <see cref="Entries"/>.</returns>
    /// <exception cref="DataSourceException">The folder cannot be listed.</exception>
    public virtual IEnumerable<string> EnumerateEntries() => Entries;

    /// <summary>
    /// Gets the entries that are there but cannot be read, such as the last entry of a zip file that was cut off;
    /// they are not in <see cref="Entries"/>. A provider reports each as a data issue.
    /// </summary>
    public virtual IReadOnlyList<ArchiveProblem> Problems => [];

    /// <summary>Opens a folder or a zip file.</summary>
    /// <param name="path">The folder or the zip file.</param>
    /// <returns>The archive.</returns>
    /// <exception cref="DataSourceException">The path is missing or is a file that is not a readable zip.</exception>
    public static ExportArchive Open(string path)
    {
        if (Directory.Exists(path))
        {
            return new FolderArchive(path);
        }

        // First: a file in a folder that may not be searched is out of reach, not missing.
        DataFiles.RefuseSpecial(path);
        if (!File.Exists(path))
        {
            throw new DataSourceException($"'{path}' does not exist. Pass the export's folder or its .zip file.");
        }

        return ZipFileArchive.OpenZip(path);
    }

    /// <summary>Opens a zip file whose table of contents is gone by reading its entries' own headers from the start.</summary>
    /// <param name="path">The zip file.</param>
    /// <returns>The archive, or <see langword="null"/> when the file does not start with a zip entry.</returns>
    internal static ExportArchive? OpenByScanning(string path) => TruncatedZipArchive.TryScan(path);

    /// <summary>Says whether a file looks like a zip archive, by its first bytes.</summary>
    /// <param name="path">The file.</param>
    /// <returns><see langword="true"/> for a zip file.</returns>
    public static bool IsZip(string path)
    {
        try
        {
            // A pipe would block the open and a device never ends: only a regular file can be a zip.
            if (DataFiles.Inspect(path) != DataFileKind.Regular)
            {
                return false;
            }

            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1);
            Span<byte> magic = stackalloc byte[4];
            return stream.ReadAtLeast(magic, 4, throwOnEndOfStream: false) == 4 && magic[0] == (byte)'P' && magic[1] == (byte)'K' && magic[2] is 3 or 5 && magic[3] is 4 or 6;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Lists the entry names of a folder or zip without reading any entry, for recognising a format.</summary>
    /// <param name="path">The folder or zip file.</param>
    /// <returns>The entries, or an empty list when the path cannot be listed.</returns>
    public static IReadOnlyList<string> ListEntries(string path)
    {
        if (!Directory.Exists(path) && !IsZip(path))
        {
            return [];
        }

        try
        {
            using var archive = Open(path);
            return archive.Entries;
        }
        catch (DataSourceException)
        {
            return [];
        }
    }

    /// <summary>Says whether the export has a file at a path.</summary>
    /// <param name="entry">The path inside the export.</param>
    /// <returns><see langword="true"/> when the file is there.</returns>
    public abstract bool Contains(string entry);

    /// <summary>Opens a file of the export for reading.</summary>
    /// <param name="entry">The path inside the export.</param>
    /// <returns>A stream that reads the file.</returns>
    /// <exception cref="DataSourceException">The file cannot be opened.</exception>
    public abstract Stream OpenRead(string entry);

    /// <summary>
    /// Reports what could not be read of the archive itself (the entry a truncated zip ends inside) as data issues.
    /// A provider calls it once per run, from the first stream the engine reads (people).
    /// </summary>
    /// <param name="issues">Receives the issues.</param>
    public void ReportProblems(IDataIssueReporter issues)
    {
        foreach (var problem in Problems)
        {
            issues.Report(new DataIssue(DataIssueKind.MalformedRecord, problem.Entry.Length > 0 ? Describe(problem.Entry) : Path, null, problem.Message));
        }
    }

    /// <summary>Names an entry for messages: <c>export.zip/general/2026-01-02.json</c>.</summary>
    /// <param name="entry">The path inside the export.</param>
    /// <returns>The name.</returns>
    public string Describe(string entry) => $"{Path.TrimEnd('/', '\\')}/{entry}";

    /// <inheritdoc/>
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the zip file, if any.</summary>
    /// <param name="disposing"><see langword="true"/> when called from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
    }

    private sealed class FolderArchive : ExportArchive
    {
        private readonly List<ArchiveProblem> _problems = [];
        private string[]? _entries;

        // Listing is left until the entries are asked for: a provider that opens the folder for each pass and knows
        // its files already opens them by name, and a folder of 400,000 day files takes a second to list.
        public FolderArchive(string folder)
            : base(folder)
        {
        }

        public override IReadOnlyList<string> Entries
        {
            get
            {
                if (_entries is null)
                {
                    var entries = Enumerate(Path, _problems).ToArray();
                    Array.Sort(entries, StringComparer.Ordinal);
                    _problems.Sort((a, b) => string.CompareOrdinal(a.Entry, b.Entry));
                    _entries = entries;
                }

                return _entries;
            }
        }

        // The listing's problems are reported once, through Problems; a streamed listing only leaves the files out.
        public override IEnumerable<string> EnumerateEntries() => _entries ?? Enumerate(Path, problems: null);

        private static IEnumerable<string> Enumerate(string folder, List<ArchiveProblem>? problems)
        {
            // Symbolic links are not followed: an export is plain files, and a link loop must not hang the run.
            // Each entry's name is made once from the enumerator's parts, not from a full path made and cut.
            var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint, IgnoreInaccessible = false, MaxRecursionDepth = 16 };
            IEnumerator<string> files;
            try
            {
                files = new FileSystemEnumerable<string>(folder, RelativeName, options) { ShouldIncludePredicate = (ref entry) => !entry.IsDirectory }.GetEnumerator();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw CannotList(folder, ex);
            }

            using (files)
            {
                while (true)
                {
                    try
                    {
                        if (!files.MoveNext())
                        {
                            yield break;
                        }
                    }
                    catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                    {
                        throw CannotList(folder, ex);
                    }

                    // A pipe, device or socket among the files would hang or never end the run: it is named and left out.
                    var entry = files.Current;
                    if (DataFiles.Problem(System.IO.Path.Combine(folder, entry)) is { } problem)
                    {
                        problems?.Add(new ArchiveProblem(entry, $"'{entry}' {problem}; it was not read."));
                        continue;
                    }

                    yield return entry;
                }
            }

            static DataSourceException CannotList(string folder, Exception ex) => new($"The folder '{folder}' cannot be listed: {ex.Message}", ex);

            static string RelativeName(ref FileSystemEntry entry)
            {
                var directory = entry.Directory[entry.RootDirectory.Length..].TrimStart(['/', '\\']);
                var name = directory.IsEmpty ? entry.FileName.ToString() : string.Concat(directory, "/", entry.FileName);
                return System.IO.Path.DirectorySeparatorChar == '/' ? name : name.Replace('\\', '/');
            }
        }

        public override IReadOnlyList<ArchiveProblem> Problems
        {
            get
            {
                _ = Entries;
                return _problems;
            }
        }

        public override bool Contains(string entry) => File.Exists(System.IO.Path.Combine(Path, entry));

        public override Stream OpenRead(string entry)
        {
            var file = System.IO.Path.Combine(Path, entry);
            DataFiles.RefuseSpecial(file);
            try
            {
                return new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new DataSourceException($"'{Describe(entry)}' cannot be read: {ex.Message}", ex);
            }
        }
    }

    private sealed class ZipFileArchive : ExportArchive
    {
        private readonly ZipArchive _zip;
        private readonly Dictionary<string, ZipArchiveEntry> _byName;
        private readonly string[] _entries;

        private ZipFileArchive(string path, ZipArchive zip)
            : base(path)
        {
            _zip = zip;
            _byName = new Dictionary<string, ZipArchiveEntry>(StringComparer.Ordinal);
            foreach (var entry in zip.Entries)
            {
                // Folders are entries ending in '/'; a repeated name keeps its first entry, as unzip tools do.
                var name = entry.FullName.Replace('\\', '/').TrimStart('/');
                if (name.Length > 0 && !name.EndsWith('/'))
                {
                    _byName.TryAdd(name, entry);
                }
            }

            _entries = [.. _byName.Keys.Order(StringComparer.Ordinal)];
        }

        public override IReadOnlyList<string> Entries => _entries;

        public static ExportArchive OpenZip(string path)
        {
            FileStream? stream = null;
            try
            {
                stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
                var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: false, entryNameEncoding: Encoding.UTF8);
                return new ZipFileArchive(path, zip);
            }
            catch (InvalidDataException ex)
            {
                stream?.Dispose();

                // A download that broke off loses the zip's table of contents at its end; the entries before the cut
                // are still whole, and reading them beats refusing the export.
                return TruncatedZipArchive.TryScan(path) is { } scanned
                    ? scanned
                    : throw new DataSourceException($"'{path}' is not a readable zip file ({ex.Message}); it may be truncated. Download the export again, or unzip what can be read and pass the folder.", ex);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                stream?.Dispose();
                throw new DataSourceException($"'{path}' cannot be read: {ex.Message}", ex);
            }
        }

        public override bool Contains(string entry) => _byName.ContainsKey(entry);

        public override Stream OpenRead(string entry)
        {
            if (!_byName.TryGetValue(entry, out var zipEntry))
            {
                throw new DataSourceException($"'{Describe(entry)}' is not in the zip file.");
            }

            try
            {
                return zipEntry.Open();
            }
            catch (InvalidDataException ex)
            {
                throw new DataSourceException($"'{Describe(entry)}' cannot be unpacked: {ex.Message}", ex);
            }
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _zip.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
