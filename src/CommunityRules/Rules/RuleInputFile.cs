using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace CommunityRules.Rules;

/// <summary>What went wrong reading a file a rule set names; a line of 0 means the place that names the file.</summary>
/// <param name="Code">The error code.</param>
/// <param name="Message">The message, naming the path and what is wrong.</param>
/// <param name="Line">The line inside the file, or 0.</param>
/// <param name="Column">The column inside the file, or 0.</param>
internal sealed record FileProblem(string Code, string Message, int Line = 0, int Column = 0)
{
    /// <summary>Gets a value indicating whether the file could not be found or opened, so its rules are unknown.</summary>
    public bool IsUnreadable => Code is RuleErrorCodes.FileNotFound or RuleErrorCodes.UnreadableFile;
}

/// <summary>The text of a file, or why there is none.</summary>
internal readonly record struct FileText(string? Text, FileProblem? Problem);

/// <summary>
/// Reads every file a rule set names — rule files, <c>extends</c> targets, list files — under the same limits: a
/// regular file (a pipe or device is refused before it is opened, so nothing blocks or reads forever), at most
/// <see cref="MaxBytes"/>, lines of at most <see cref="MaxLineLength"/> characters, strict UTF-8. Messages name the
/// path and never quote the content.
/// </summary>
internal static class RuleInputFile
{
    /// <summary>The size limit of one file.</summary>
    public const int MaxBytes = 8 * 1024 * 1024;

    /// <summary>The length limit of one line, in characters.</summary>
    public const int MaxLineLength = 64 * 1024;

    /// <summary>How many files (rule files, list files) one load may read, folders included.</summary>
    public const int MaxFiles = 1000;

    /// <summary>How deep a rule folder is searched.</summary>
    public const int MaxFolderDepth = 32;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Whether the path is a folder, following links; a link loop is no folder.</summary>
    public static bool IsFolder(string path)
    {
        try
        {
            return Directory.Exists(path);
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>Reads a file's text, or says why it cannot be read.</summary>
    /// <param name="path">The path, as the user wrote it (messages show it).</param>
    /// <param name="noun">What the file is, for messages: "rule file", "list file".</param>
    public static FileText Read(string path, string noun)
    {
        if (Inspect(path, noun) is { } problem)
        {
            return new FileText(null, problem);
        }

        byte[] bytes;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1, FileOptions.SequentialScan);
            if (stream.CanSeek && stream.Length > MaxBytes)
            {
                return new FileText(null, TooLarge(path, noun));
            }

            // The length may change while it is read (a file being saved, a file under /proc): never read past the limit.
            var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int count;
            while ((count = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                buffer.Write(chunk, 0, count);
                if (buffer.Length > MaxBytes)
                {
                    return new FileText(null, TooLarge(path, noun));
                }
            }

            bytes = buffer.ToArray();
        }
        catch (FileNotFoundException)
        {
            return new FileText(null, NotFound(path, noun));
        }
        catch (DirectoryNotFoundException)
        {
            return new FileText(null, NotFound(path, noun));
        }
        catch (UnauthorizedAccessException)
        {
            return new FileText(null, new FileProblem(RuleErrorCodes.UnreadableFile, $"The {noun} '{Echo.Path(path)}' cannot be read: permission is denied."));
        }
        catch (IOException ex)
        {
            return new FileText(null, new FileProblem(RuleErrorCodes.UnreadableFile, $"The {noun} '{Echo.Path(path)}' cannot be read: {ex.Message}"));
        }

        return Decode(bytes, path, noun);
    }

    /// <summary>Decodes strict UTF-8 (a byte order mark is allowed) and checks line lengths.</summary>
    internal static FileText Decode(byte[] bytes, string path, string noun)
    {
        var start = bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException ex)
        {
            var offset = start + Math.Max(0, ex.Index);
            var lineStart = bytes.AsSpan(0, offset).LastIndexOf((byte)'\n') + 1;
            var line = bytes.AsSpan(0, offset).Count((byte)'\n') + 1;
            var column = Encoding.UTF8.GetCharCount(bytes, Math.Max(lineStart, start), offset - Math.Max(lineStart, start)) + 1;
            var shown = string.Join(' ', ex.BytesUnknown?.Take(4).Select(b => $"0x{b:X2}") ?? []);
            return new FileText(null, new FileProblem(
                RuleErrorCodes.InvalidEncoding,
                $"The {noun} is not valid UTF-8: the bytes {shown} here are no character. Save the file as UTF-8 (most editors offer it under 'Save as' or 'Encoding').",
                line,
                column));
        }

        return LongLine(text, noun) is { } problem ? new FileText(null, problem) : new FileText(text, null);
    }

    /// <summary>The first line longer than <see cref="MaxLineLength"/>, as a problem at that line; text given in memory is held to it too.</summary>
    public static FileProblem? LongLine(string text, string noun)
    {
        var lineNumber = 1;
        var from = 0;
        while (from <= text.Length)
        {
            var end = text.IndexOf('\n', from);
            var length = (end < 0 ? text.Length : end) - from;
            if (length > MaxLineLength)
            {
                return new FileProblem(
                    RuleErrorCodes.TooLarge,
                    string.Create(CultureInfo.InvariantCulture, $"The line is longer than {MaxLineLength:N0} characters, the limit of a line in a {noun}; break it up (a YAML list may go one item a line, and long word lists belong in a list file)."),
                    lineNumber,
                    MaxLineLength + 1);
            }

            if (end < 0)
            {
                break;
            }

            from = end + 1;
            lineNumber++;
        }

        return null;
    }

    /// <summary>
    /// The real path of a file or folder, with every symbolic link resolved, so one file reached by two names (or a
    /// folder reached again through a link loop) is read once.
    /// </summary>
    public static string RealPath(string path)
    {
        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full) ?? string.Empty;
        var current = root;
        var hops = 0;
        foreach (var part in full[root.Length..].Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            var next = Path.Combine(current, part);
            while (hops++ < 64 && LinkTargetOf(next) is { } target)
            {
                next = Path.GetFullPath(Path.Combine(current, target));
                current = Path.GetDirectoryName(next) ?? root;
            }

            current = next;
        }

        return current;
    }

    private static string? LinkTargetOf(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Says what is wrong with a path before it is opened: missing, a dangling link or a loop, a folder, a pipe, a device.</summary>
    public static FileProblem? Inspect(string path, string noun)
    {
        FileInfo info;
        try
        {
            info = new FileInfo(path);
            if (info.LinkTarget is { } linkTarget)
            {
                FileSystemInfo? final;
                try
                {
                    final = info.ResolveLinkTarget(returnFinalTarget: true);
                }
                catch (IOException)
                {
                    return new FileProblem(RuleErrorCodes.UnreadableFile, $"The {noun} '{Echo.Path(path)}' is a symbolic link that leads back to itself (a loop); point it at a file.");
                }

                if (final is null || (!File.Exists(final.FullName) && !Directory.Exists(final.FullName)))
                {
                    return new FileProblem(RuleErrorCodes.UnreadableFile, $"The {noun} '{Echo.Path(path)}' is a symbolic link to '{Echo.Path(linkTarget)}', which does not exist; fix or remove the link.");
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return new FileProblem(RuleErrorCodes.UnreadableFile, $"The {noun} '{Echo.Path(path)}' cannot be read: {ex.Message}");
        }

        if (IsFolder(path))
        {
            return new FileProblem(RuleErrorCodes.UnreadableFile, $"The {noun} '{Echo.Path(path)}' is a folder, not a file.");
        }

        if (!File.Exists(path))
        {
            return Data.DataFiles.WhyOutOfReach(path) is { } reason
                ? new FileProblem(RuleErrorCodes.UnreadableFile, $"The {noun} '{Echo.Path(path)}' cannot be read: {reason}.")
                : NotFound(path, noun);
        }

        return KindOf(path) switch
        {
            SpecialKind.Pipe => new FileProblem(RuleErrorCodes.UnreadableFile, $"The {noun} '{Echo.Path(path)}' is a named pipe (FIFO), not a file; it is not read, as reading it could wait forever."),
            SpecialKind.Device => new FileProblem(RuleErrorCodes.UnreadableFile, $"The {noun} '{Echo.Path(path)}' is a device, not a file; it is not read."),
            SpecialKind.Socket => new FileProblem(RuleErrorCodes.UnreadableFile, $"The {noun} '{Echo.Path(path)}' is a socket, not a file; it is not read."),
            _ => null,
        };
    }

    /// <summary>Tells a named pipe, device or socket from a regular file without opening it (opening a pipe blocks).</summary>
    internal static SpecialKind KindOf(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return SpecialKind.None;
        }

        try
        {
            var status = default(NativeFileStatus);
            if (SystemNativeStat(Encoding.UTF8.GetBytes(path + "\0"), ref status) != 0)
            {
                return SpecialKind.None;
            }

            return (status.Mode & 0xF000) switch
            {
                0x1000 => SpecialKind.Pipe,
                0x2000 or 0x6000 => SpecialKind.Device,
                0xC000 => SpecialKind.Socket,
                _ => SpecialKind.None,
            };
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            // A runtime without the native helper: the bounded read still stops at the size limit.
            return SpecialKind.None;
        }
    }

    private static FileProblem NotFound(string path, string noun) =>
        new(RuleErrorCodes.FileNotFound, $"The {noun} '{Echo.Path(path)}' was not found.");

    private static FileProblem TooLarge(string path, string noun) =>
        new(RuleErrorCodes.TooLarge, $"The {noun} '{Echo.Path(path)}' is larger than {MaxBytes / (1024 * 1024)} MB, the limit of a file a rule set reads; split it into several files.");

    // The .NET runtime's own stat (libSystem.Native ships with every .NET on Linux and macOS); its FileStatus starts
    // with two 32-bit fields, flags and mode, on every architecture, unlike the C library's struct stat.
    // DllImport rather than LibraryImport, which would need unsafe code in the whole assembly for one call.
    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat", ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int SystemNativeStat(byte[] nulTerminatedUtf8Path, ref NativeFileStatus status);

    /// <summary>What kind of special file a path is.</summary>
    internal enum SpecialKind
    {
        /// <summary>A regular file, a folder, or unknown.</summary>
        None,

        /// <summary>A named pipe.</summary>
        Pipe,

        /// <summary>A character or block device.</summary>
        Device,

        /// <summary>A socket.</summary>
        Socket,
    }

    /// <summary>The runtime's FileStatus, with room to spare for the fields after the mode.</summary>
    [StructLayout(LayoutKind.Sequential, Size = 512)]
    private struct NativeFileStatus
    {
        public int Flags;
        public int Mode;
    }
}
