using System.Runtime.ExceptionServices;

namespace PgPlatform.Components.Synthesis;

/// <summary>Runs independent pieces of synthesis on every core and hands the results over in input order, so output stays deterministic.</summary>
public static class OrderedParallel
{
    /// <summary>
    /// Applies <paramref name="work"/> to every item in parallel and passes the results to <paramref name="consume"/>
    /// in the order of <paramref name="source"/>, on the calling thread, as they become ready. A single failure is
    /// rethrown as itself: callers see the declaration error, not the parallel machinery around it.
    /// </summary>
    public static void ForEach<TSource, TResult>(IEnumerable<TSource> source, Func<TSource, TResult> work, Action<TResult> consume)
    {
        try
        {
            foreach (var result in source.AsParallel().AsOrdered().Select(work))
            {
                consume(result);
            }
        }
        catch (AggregateException e) when (e.InnerExceptions.Count == 1)
        {
            ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }
    }
}
