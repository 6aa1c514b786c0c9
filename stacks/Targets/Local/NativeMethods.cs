using System.Runtime.InteropServices;

namespace PgPlatform.Stacks.Targets.Local;

/// <summary>The few libc calls the local target needs: .NET has no API to signal an arbitrary pid or drop a SysV segment.</summary>
internal static class NativeMethods
{
    public const int SigKill = 9;
    public const int SigQuit = 3;
    public const int SigTerm = 15;
    private const int IpcRmid = 0;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int KillNative(int pid, int signal);

    [DllImport("libc", EntryPoint = "geteuid")]
    private static extern uint GetEffectiveUserIdNative();

    [DllImport("libc", EntryPoint = "shmctl", SetLastError = true)]
    private static extern int ShmctlNative(int shmid, int command, IntPtr buffer);

    /// <summary>Sends <paramref name="signal"/> to <paramref name="pid"/>; false when the process is gone.</summary>
    public static bool Signal(int pid, int signal) => pid > 0 && KillNative(pid, signal) == 0;

    /// <summary>True when the process exists (signal 0 probes without sending).</summary>
    public static bool IsAlive(int pid) => pid > 0 && (KillNative(pid, 0) == 0 || Marshal.GetLastPInvokeError() == 1);

    /// <summary>True when running as root.</summary>
    public static bool IsRoot => GetEffectiveUserIdNative() == 0;

    /// <summary>Marks a SysV shared memory segment for removal.</summary>
    public static bool RemoveSharedMemory(int shmid) => ShmctlNative(shmid, IpcRmid, IntPtr.Zero) == 0;
}
