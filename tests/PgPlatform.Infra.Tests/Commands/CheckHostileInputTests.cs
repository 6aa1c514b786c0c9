using System.Diagnostics;
using System.Text;
using PgPlatform.Infra.CommandLine;

namespace PgPlatform.Infra.Tests.Commands;

/// <summary>
/// <c>check</c> is a CI gate over pull requests, i.e. over input nobody trusts: hostile input ends in bounded time
/// and memory with one line naming the file, line and limit, exit 2, never a stack trace (README, "Limits").
/// </summary>
public sealed class CheckHostileInputTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"pgp-hostile-{Guid.NewGuid():N}");

    public CheckHostileInputTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private void Write(string name, string content) => File.WriteAllText(Path.Combine(_dir, name), content);

    /// <summary>Runs check, asserting it refuses in bounded time and allocation, with one line and no stack trace.</summary>
    private async Task<string> Refused(string arguments, long maxAllocatedBytes = 64L << 20, int maxSeconds = 10)
    {
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        var result = await InfraRunner.RunAsync($"check {arguments}", directory: _dir);
        clock.Stop();
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;

        Assert.Equal(ExitCode.Usage, result.ExitCode);
        Assert.Equal("", result.Out);
        Assert.Matches(@"^error: [^\n]+\n$", result.Error);
        Assert.DoesNotContain("   at ", result.Error);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(maxSeconds), $"took {clock.Elapsed}");
        Assert.True(allocated < maxAllocatedBytes, $"allocated {allocated:N0} bytes");
        return result.Error;
    }

    [Fact]
    public async Task ABillionLaughsAliasBombIsRefusedAtItsAliasLimit()
    {
        var bomb = new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var i = 1; i <= 10; i++)
        {
            bomb.Append($"a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 9))}]\n");
        }

        Assert.True(bomb.Length < 1024);
        Write("bomb.yaml", bomb.ToString());
        var error = await Refused("bomb.yaml");
        Assert.Equal("error: bomb.yaml:6:10: input limit exceeded: aliases expand to more than 100,000 nodes (limit: alias expansion per file; an alias bomb?) (README, 'Limits')\n", error);
    }

    [Fact]
    public async Task ThousandsOfNestedFlowSequencesStopAtTheDepthLimit()
    {
        Write("flow.yaml", new string('[', 1500) + new string(']', 1500) + "\n");
        var error = await Refused("flow.yaml");
        Assert.Equal("error: flow.yaml:1:65: input limit exceeded: nested more than 64 levels deep (limit: nesting depth) (README, 'Limits')\n", error);
    }

    [Fact]
    public async Task FiveThousandNestedBlockSequencesStopAtTheDepthLimit()
    {
        Write("block.yaml", "kind: ConfigMap\ndata:\n" + string.Concat(Enumerable.Repeat("- ", 5000)) + "x\n");
        var error = await Refused("block.yaml");
        Assert.Contains("block.yaml:3:", error);
        Assert.Contains("nested more than 64 levels deep (limit: nesting depth)", error);
    }

    [Fact]
    public async Task AnAliasCannotSmuggleDepthPastTheLimit()
    {
        var nested = string.Concat(Enumerable.Repeat("[", 40)) + "x" + string.Concat(Enumerable.Repeat("]", 40));
        Write("alias.yaml", $"a: &deep {nested}\nb: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[*deep]]]]]]]]]]]]]]]]]]]]]]]]]]]]]\n");
        var error = await Refused("alias.yaml");
        Assert.Contains("alias.yaml:2:", error);
        Assert.Contains("(limit: nesting depth)", error);
    }

    [Fact]
    public async Task AFiftyMegabyteManifestIsRefusedBeforeItIsRead()
    {
        var doc = "---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  key: " + new string('v', 1000) + "\n";
        using (var file = new StreamWriter(Path.Combine(_dir, "huge.yaml")))
        {
            for (var written = 0L; written < 50L << 20; written += doc.Length)
            {
                file.Write(doc);
            }
        }

        var error = await Refused("huge.yaml", maxAllocatedBytes: 1L << 20);
        Assert.Matches(@"^error: huge\.yaml: 52,[0-9]{3},[0-9]{3} bytes exceeds the limit of 16 MiB per file \(README, 'Limits'\)\. Fix: split it into smaller files\n$", error);
    }

    [Fact]
    public async Task MoreObjectsThanTheLimitAreRefusedNamingTheFileAndLine()
    {
        var doc = "---\nkind: ConfigMap\n";
        Write("many.yaml", string.Concat(Enumerable.Repeat(doc, 100_001)));
        // Reading 100,000 objects is legitimate work (seconds on a loaded machine); the limit bounds what follows.
        var error = await Refused("many.yaml", maxAllocatedBytes: 2L << 30, maxSeconds: 120);
        Assert.Equal("error: many.yaml:200002: more than 100,000 objects in one run, the limit (README, 'Limits'). Fix: check the tree in parts\n", error);
    }

    [Fact]
    public async Task AFifoIsRefusedWithoutWaitingForAWriter()
    {
        using (var mkfifo = Process.Start("mkfifo", Path.Combine(_dir, "pipe.yaml")))
        {
            await mkfifo.WaitForExitAsync();
            Assert.Equal(0, mkfifo.ExitCode);
        }

        var error = await Refused("pipe.yaml");
        Assert.Equal("error: pipe.yaml: not a regular file (a FIFO, socket or device), refused: it could block or never end. Fix: pass a regular file\n", error);

        // In a directory scan too, not only when named.
        Assert.Contains("pipe.yaml: not a regular file", await Refused("."));
    }

    [Fact]
    public async Task DevZeroIsRefusedWithoutReadingIt()
    {
        var error = await Refused("/dev/zero");
        Assert.Equal("error: /dev/zero: not a regular file (a FIFO, socket or device), refused: it could block or never end. Fix: pass a regular file\n", error);
    }
}
