using System.Diagnostics;

namespace PgPlatform.Stacks.Waits;

/// <summary>Bounded waits for a condition, polled every 100 ms: never an unbounded loop, never a blind sleep.</summary>
public static class Waiting
{
    /// <summary>Polls <paramref name="condition"/> until it is true; throws <see cref="TimeoutException"/> naming <paramref name="what"/> after <paramref name="timeout"/>.</summary>
    public static async Task UntilAsync(string what, TimeSpan timeout, Func<CancellationToken, Task<bool>> condition, CancellationToken cancellationToken, TimeSpan? interval = null)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            attempt.CancelAfter(TimeSpan.FromSeconds(10));
            try
            {
                if (await condition(attempt.Token))
                {
                    return;
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // One attempt hung past its own bound; the next one starts fresh.
            }

            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException(NotReached(what, timeout));
            }

            await Task.Delay(interval ?? TimeSpan.FromMilliseconds(100), cancellationToken);
        }
    }

    /// <summary>The message of a wait for <paramref name="what"/> that ran out: <c>what: not reached within N s</c>.</summary>
    public static string NotReached(string what, TimeSpan timeout) => $"{what}: not reached within {timeout.TotalSeconds:F0} s";
}
