namespace CommunityRules.Tests.Fuzz;

/// <summary>
/// A fuzz case fails for a hang, not for a busy machine: slow once is tried again, slow twice or never finishing fails.
/// The bounds here are seconds apart, so a loaded machine cannot turn one outcome into another.
/// </summary>
public sealed class FuzzBoundTests
{
    private static readonly TimeSpan Case = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Hang = TimeSpan.FromSeconds(4);

    [Fact]
    public void A_case_slow_only_the_first_time_passes_after_one_more_try()
    {
        var runs = 0;

        FuzzRun.WithinBound(
            () =>
            {
                if (Interlocked.Increment(ref runs) == 1)
                {
                    Thread.Sleep(TimeSpan.FromSeconds(1.5));
                }
            },
            Case,
            Hang);

        Assert.Equal(2, runs);
    }

    [Fact]
    public void A_case_slow_every_time_fails()
    {
        var error = Assert.Throws<FuzzFailureException>(() => FuzzRun.WithinBound(() => Thread.Sleep(TimeSpan.FromSeconds(1.5)), Case, Hang));

        Assert.Equal("the case took longer than 1 s twice", error.Message);
    }

    [Fact]
    public void A_case_that_never_finishes_fails_at_the_hang_bound()
    {
        using var release = new ManualResetEventSlim();

        var error = Assert.Throws<FuzzFailureException>(() => FuzzRun.WithinBound(() => release.Wait(TimeSpan.FromMinutes(1)), Case, Hang));
        release.Set();

        Assert.Equal("the case did not finish within 4 s", error.Message);
    }

    [Fact]
    public void What_a_case_throws_is_what_the_bound_throws()
    {
        var error = Assert.Throws<InvalidOperationException>(() => FuzzRun.WithinBound(() => throw new InvalidOperationException("bug"), Case, Hang));

        Assert.Equal("bug", error.Message);
    }
}
