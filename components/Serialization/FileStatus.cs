using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace PgPlatform.Components.Serialization;

/// <summary>
/// What a path is, from <c>statx(2)</c> (symlinks followed): .NET reports a FIFO or a device as an ordinary file,
/// and opening a FIFO blocks until someone writes to it. <c>struct statx</c> has the same layout on every Linux
/// architecture (linux include/uapi/linux/stat.h), unlike <c>struct stat</c>. Elsewhere every existing path
/// reads as a regular file or directory.
/// </summary>
public readonly record struct FileStatus(FileStatus.Types Type, ulong Device, ulong Inode, long Size)
{
    /// <summary>The kinds of file a path can name.</summary>
    public enum Types
    {
        /// <summary>No such file or directory (or it cannot be examined).</summary>
        Missing,

        /// <summary>A regular file.</summary>
        Regular,

        /// <summary>A directory.</summary>
        Directory,

        /// <summary>A FIFO, socket, character or block device.</summary>
        Special,
    }

    private const int AtFdCwd = -100;
    private const uint StatxType = 0x1;
    private const uint StatxIno = 0x100;
    private const uint StatxSize = 0x200;
    private const int StructSize = 256;

    /// <summary>True for a regular file.</summary>
    public bool IsRegular => Type == Types.Regular;

    /// <summary>The status of <paramref name="path"/>, following symlinks.</summary>
    public static FileStatus Of(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return Directory.Exists(path) ? new(Types.Directory, 0, 0, 0)
                : File.Exists(path) ? new(Types.Regular, 0, 0, new FileInfo(path).Length)
                : new(Types.Missing, 0, 0, 0);
        }

        var buffer = new byte[StructSize];
        if (Statx(AtFdCwd, path, 0, StatxType | StatxIno | StatxSize, buffer) != 0)
        {
            return new(Types.Missing, 0, 0, 0);
        }

        // Offsets in struct statx: stx_mode u16 at 28, stx_ino u64 at 32, stx_size u64 at 40, stx_dev_major/minor u32 at 136/140.
        var mode = BinaryPrimitives.ReadUInt16LittleEndian(buffer.AsSpan(28)) & 0xF000;
        var type = mode switch { 0x8000 => Types.Regular, 0x4000 => Types.Directory, _ => Types.Special };
        var device = ((ulong)BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(136)) << 32) | BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(140));
        return new(type, device, BinaryPrimitives.ReadUInt64LittleEndian(buffer.AsSpan(32)), (long)BinaryPrimitives.ReadUInt64LittleEndian(buffer.AsSpan(40)));
    }

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static extern int Statx(int directory, string path, int flags, uint mask, byte[] buffer);
}
