using System.Runtime.InteropServices;

namespace CommunityRules.Data;

/// <summary>What a path names, as far as reading data goes.</summary>
internal enum DataFileKind
{
    /// <summary>Nothing is there.</summary>
    Missing,

    /// <summary>A regular file, or a symbolic link to one: the only kind that is read.</summary>
    Regular,

    /// <summary>A folder.</summary>
    Directory,

    /// <summary>A named pipe: opening it waits for a writer, for ever.</summary>
    Fifo,

    /// <summary>A character device such as <c>/dev/zero</c> or <c>/dev/urandom</c>: endless data.</summary>
    CharacterDevice,

    /// <summary>A block device, such as a disk.</summary>
    BlockDevice,

    /// <summary>A Unix socket.</summary>
    Socket,

    /// <summary>A symbolic link to nothing.</summary>
    DanglingLink,

    /// <summary>A symbolic link that leads back to itself.</summary>
    LinkLoop,

    /// <summary>A path that cannot be looked at: permission is denied on a folder on its way, or the system fails to say.</summary>
    OutOfReach,
}

/// <summary>
/// Tells a regular file from the special files that must never be opened as data: a FIFO blocks the open for ever,
/// <c>/dev/zero</c> and <c>/dev/urandom</c> never end, a link loop or a dangling link fails with a stack trace.
/// .NET's file attributes call all of these "Normal", so the file type comes from <c>stat</c> (statx on Linux).
/// </summary>
internal static partial class DataFiles
{
    private const int FileTypeMask = 0xF000;
    private const int FifoType = 0x1000;
    private const int CharacterDeviceType = 0x2000;
    private const int DirectoryType = 0x4000;
    private const int BlockDeviceType = 0x6000;
    private const int RegularType = 0x8000;
    private const int SocketType = 0xC000;

    /// <summary>Says what a path names, following symbolic links.</summary>
    public static DataFileKind Inspect(string path)
    {
        // The common case in one system call: a regular file, or a link to one. Anything else is looked at closely.
        if (FileType(path) == RegularType)
        {
            return DataFileKind.Regular;
        }

        var info = new FileInfo(path);
        if (info.LinkTarget is not null)
        {
            FileSystemInfo? target;
            try
            {
                target = info.ResolveLinkTarget(returnFinalTarget: true);
            }
            catch (IOException)
            {
                return DataFileKind.LinkLoop;
            }

            if (target is null || (!target.Exists && !Directory.Exists(target.FullName)))
            {
                return DataFileKind.DanglingLink;
            }
        }

        if (Directory.Exists(path))
        {
            return DataFileKind.Directory;
        }

        if (!File.Exists(path))
        {
            return WhyOutOfReach(path) is null ? DataFileKind.Missing : DataFileKind.OutOfReach;
        }

        return FileType(path) switch
        {
            FifoType => DataFileKind.Fifo,
            CharacterDeviceType => DataFileKind.CharacterDevice,
            BlockDeviceType => DataFileKind.BlockDevice,
            SocketType => DataFileKind.Socket,
            DirectoryType => DataFileKind.Directory,
            _ => DataFileKind.Regular,
        };
    }

    /// <summary>
    /// Says why a path that <see cref="File.Exists(string)"/> and <see cref="Directory.Exists(string)"/> both deny
    /// cannot be looked at, in words that follow "cannot be read: ", or <see langword="null"/> when nothing is there.
    /// Both calls answer <see langword="false"/> for a file in a folder that may not be searched, which is not missing.
    /// </summary>
    public static string? WhyOutOfReach(string path)
    {
        try
        {
            // Not opened: a pipe that appeared in the meantime must not block. The attributes need only the path's folders.
            File.GetAttributes(path);
            return null;
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException or ArgumentException or NotSupportedException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return "permission is denied on it or on a folder on its way";
        }
        catch (IOException ex)
        {
            return ex.Message;
        }
    }

    /// <summary>
    /// Says what is wrong with reading a path as a data file, in words that follow the path ("is a folder, not a
    /// regular file"), or <see langword="null"/> for a regular file or nothing at all.
    /// </summary>
    public static string? Problem(string path) => Inspect(path) switch
    {
        DataFileKind.Regular or DataFileKind.Missing => null,
        DataFileKind.Fifo => "is a named pipe (FIFO), not a regular file: reading it would wait for a writer for ever",
        DataFileKind.CharacterDevice => "is a device, not a regular file: reading it would never end",
        DataFileKind.OutOfReach => $"cannot be read: {WhyOutOfReach(path) ?? "it is out of reach"}",
        var kind => $"is {Name(kind)}, not a regular file",
    };

    /// <summary>Throws unless the path is a regular file or is missing.</summary>
    /// <exception cref="DataSourceException">The path is a folder, a device, a pipe, a socket or a broken link.</exception>
    public static void RefuseSpecial(string path)
    {
        if (Problem(path) is { } problem)
        {
            throw new DataSourceException(Inspect(path) == DataFileKind.OutOfReach ? $"'{path}' {problem}." : $"'{path}' {problem}. Only regular files are read as data.");
        }
    }

    /// <summary>Names a kind of path in plain words: "a named pipe (FIFO)".</summary>
    public static string Name(DataFileKind kind) => kind switch
    {
        DataFileKind.Directory => "a folder",
        DataFileKind.Fifo => "a named pipe (FIFO)",
        DataFileKind.CharacterDevice => "a device",
        DataFileKind.BlockDevice => "a disk device",
        DataFileKind.Socket => "a socket",
        DataFileKind.DanglingLink => "a symbolic link to something that does not exist",
        DataFileKind.LinkLoop => "a symbolic link that leads back to itself (a link loop)",
        DataFileKind.Missing => "missing",
        DataFileKind.OutOfReach => "out of reach (permission is denied on it or on a folder on its way)",
        _ => "a file",
    };

    // The S_IFMT bits of the file's mode, following links; 0 where the platform does not say (Windows has none of these).
    private static int FileType(string path)
    {
        // The path as the C library takes it: UTF-8 ending in a zero byte.
        var native = System.Text.Encoding.UTF8.GetBytes(path + "\0");
        try
        {
            if (OperatingSystem.IsLinux())
            {
                // statx's layout is the same on every Linux architecture: stx_mode is the 16 bits at offset 28.
                var buffer = new byte[256];
                return StatX(AtCurrentDirectory, native, 0, StatXType, buffer) == 0 ? BitConverter.ToUInt16(buffer, 28) & FileTypeMask : 0;
            }

            if (OperatingSystem.IsMacOS() || OperatingSystem.IsIOS())
            {
                // struct stat with 64-bit inodes: st_mode is the 16 bits after the 32-bit st_dev.
                var buffer = new byte[256];
                var result = RuntimeInformation.ProcessArchitecture == Architecture.X64 ? StatInode64(native, buffer) : Stat(native, buffer);
                return result == 0 ? BitConverter.ToUInt16(buffer, 4) & FileTypeMask : 0;
            }
        }
        catch (Exception ex) when (ex is EntryPointNotFoundException or DllNotFoundException)
        {
            // An old C library without statx: the file is taken as regular, as before.
        }

        return 0;
    }

    private const int AtCurrentDirectory = -100;
    private const uint StatXType = 0x1;

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int StatX(int directory, byte[] path, int flags, uint mask, byte[] buffer);

    [DllImport("libc", EntryPoint = "stat", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Stat(byte[] path, byte[] buffer);

    [DllImport("libc", EntryPoint = "stat$INODE64", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int StatInode64(byte[] path, byte[] buffer);
}
