using System.Globalization;
using Ocop.Core.Evaluation;

namespace Ocop.Core.Tests.Evaluation;

public class CertificateValidityTests
{
    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static readonly CertificatePolicy Under26 = EvaluationProcesses.Decision26.Certificates;
    private static readonly CertificatePolicy Under148 = EvaluationProcesses.Original148.Certificates;

    private static readonly DateOnly Issued = D("2024-06-30");
    private static readonly DateOnly Expires = D("2027-06-30");

    [Theory]
    [InlineData("2023-05-11", "2026-05-11")]
    [InlineData("2024-06-30", "2027-06-30")]
    [InlineData("2024-02-29", "2027-02-28")]   // no 29 February: the month's last day
    [InlineData("2023-08-31", "2026-08-31")]
    public void A_certificate_runs_36_months_to_the_corresponding_day(string issued, string expires) =>
        Assert.Equal(D(expires), CertificateValidity.ExpiryFor(D(issued), Under26));

    // Days relative to the last valid day, under 26/2026, with no re-evaluation filed.
    [Theory]
    [InlineData(-1096, CertificateState.NotYetValid)]   // the day before issue
    [InlineData(-1095, CertificateState.Valid)]         // the day of issue
    [InlineData(-181, CertificateState.Valid)]
    [InlineData(-180, CertificateState.ReevaluationWindowOpen)]
    [InlineData(-150, CertificateState.ReevaluationWindowOpen)]
    [InlineData(-120, CertificateState.ReevaluationWindowOpen)]
    [InlineData(-119, CertificateState.Valid)]           // window closed: filing now is late
    [InlineData(-31, CertificateState.Valid)]
    [InlineData(-30, CertificateState.ExpiringSoon)]
    [InlineData(-1, CertificateState.ExpiringSoon)]
    [InlineData(0, CertificateState.ExpiringSoon)]       // the last valid day
    [InlineData(1, CertificateState.Expired)]
    [InlineData(200, CertificateState.Expired)]
    public void Validity_states_follow_the_days_to_expiry(int daysFromExpiry, CertificateState state)
    {
        var facts = new CertificateFacts(Issued, Expires);
        Assert.Equal(-1095, Issued.DayNumber - Expires.DayNumber);
        var status = CertificateValidity.StateOn(facts, Expires.AddDays(daysFromExpiry), Under26);
        Assert.Equal(state, status.State);
        Assert.Equal(-daysFromExpiry, status.DaysToExpiry);
    }

    // A re-evaluation filed 60 days before expiry (late, after the window) and not decided keeps the certificate valid.
    [Theory]
    [InlineData(-61, null, CertificateState.Valid)]                          // before it was filed
    [InlineData(-10, null, CertificateState.ReevaluationFiled)]              // filed: the office sees it is on its way
    [InlineData(1, null, CertificateState.KeptValidPendingReevaluation)]
    [InlineData(180, null, CertificateState.KeptValidPendingReevaluation)]   // at most 180 days past expiry
    [InlineData(181, null, CertificateState.Expired)]
    [InlineData(40, 30, CertificateState.Expired)]                           // decided (and not renewed by this certificate): it ends
    [InlineData(20, 30, CertificateState.KeptValidPendingReevaluation)]      // not decided yet on day 20
    public void A_pending_re_evaluation_keeps_the_certificate_valid_for_at_most_180_days(int daysFromExpiry, int? decidedDaysFromExpiry, CertificateState state)
    {
        var facts = new CertificateFacts(Issued, Expires, Expires.AddDays(-60), decidedDaysFromExpiry is int d ? Expires.AddDays(d) : null);
        var status = CertificateValidity.StateOn(facts, Expires.AddDays(daysFromExpiry), Under26);
        Assert.Equal(state, status.State);
        if (state == CertificateState.KeptValidPendingReevaluation)
        {
            Assert.Equal(Expires.AddDays(180), status.ValidUntil);
            Assert.True(status.IsValid);
        }
    }

    [Theory]
    [InlineData(0, CertificateState.KeptValidPendingReevaluation)]    // filed on the last valid day
    [InlineData(1, CertificateState.Expired)]                         // filed after expiry: nothing to keep
    public void Only_a_re_evaluation_filed_by_the_last_valid_day_keeps_the_certificate(int filedDaysFromExpiry, CertificateState state)
    {
        var facts = new CertificateFacts(Issued, Expires, Expires.AddDays(filedDaysFromExpiry));
        Assert.Equal(state, CertificateValidity.StateOn(facts, Expires.AddDays(5), Under26).State);
    }

    [Theory]
    [InlineData(-150, CertificateState.Valid)]          // 148 had no re-evaluation window
    [InlineData(-30, CertificateState.ReevaluationFiled)]
    [InlineData(1, CertificateState.Expired)]           // and no extension while re-evaluation is pending
    public void Under_148_there_is_no_window_and_no_extension(int daysFromExpiry, CertificateState state)
    {
        var facts = new CertificateFacts(Issued, Expires, Expires.AddDays(-60));
        Assert.Equal(state, CertificateValidity.StateOn(facts, Expires.AddDays(daysFromExpiry), Under148).State);
    }

    [Theory]
    [InlineData(-1, CertificateState.ExpiringSoon)]
    [InlineData(0, CertificateState.Revoked)]
    [InlineData(10, CertificateState.Revoked)]
    [InlineData(300, CertificateState.Revoked)]    // revoked stays revoked, even past expiry
    public void Revocation_takes_effect_on_its_date(int daysFromRevocation, CertificateState state)
    {
        var revokedOn = Expires.AddDays(-20);
        var facts = new CertificateFacts(Issued, Expires, Revocation: new Revocation(revokedOn, RevocationGround.ProductionStopped, "123/QĐ-UBND"));
        var status = CertificateValidity.StateOn(facts, revokedOn.AddDays(daysFromRevocation), Under26);
        Assert.Equal(state, status.State);
        Assert.Equal(state != CertificateState.Revoked, status.IsValid);
    }

    [Fact]
    public void There_are_six_grounds_for_revocation() => Assert.Equal(6, Enum.GetValues<RevocationGround>().Length);

    // The policy is the one in force on the date: the window exists only from 22 May 2026.
    [Theory]
    [InlineData("2023-11-01", "2026-05-21", CertificateState.Valid)]                    // 164 days before, under 1489
    [InlineData("2023-11-01", "2026-05-22", CertificateState.ReevaluationWindowOpen)]   // 163 days before, under 26/2026
    [InlineData("2023-09-01", "2026-05-22", CertificateState.Valid)]                    // 102 days before: window already shut
    [InlineData("2023-06-01", "2026-06-02", CertificateState.Expired)]                  // expired 1 June 2026, nothing filed
    public void The_state_follows_the_rules_in_force_on_the_date(string issued, string on, CertificateState state)
    {
        var facts = new CertificateFacts(D(issued), CertificateValidity.ExpiryFor(D(issued), Under26));
        Assert.Equal(state, CertificateValidity.StateOn(facts, D(on)).State);
    }

    [Fact]
    public void Notices_go_out_when_the_window_opens_and_30_days_before_expiry()
    {
        var milestones = CertificateValidity.Milestones(new CertificateFacts(Issued, Expires), Under26);
        Assert.Equal(D("2027-01-01"), milestones.ReevaluationWindowOpensOn);
        Assert.Equal(D("2027-03-02"), milestones.ReevaluationWindowClosesOn);
        Assert.Equal(D("2027-05-31"), milestones.ExpiringSoonFrom);
        Assert.Equal(D("2027-12-27"), milestones.KeptValidAtMostUntil);
        Assert.Null(CertificateValidity.Milestones(new CertificateFacts(Issued, Expires), Under148).ReevaluationWindowOpensOn);
    }

    // The window applies only where 26/2026 says so: where it closes under 26/2026, and never before 22/05/2026.
    [Theory]
    [InlineData("2025-12-31", null, null)]                       // expired while 1489 was in force
    [InlineData("2026-06-30", null, null)]                       // its window would have closed on 02/03/2026, under 1489
    [InlineData("2026-09-19", "2026-05-22", "2026-05-22")]       // closes on the first day of 26/2026
    [InlineData("2026-11-01", "2026-05-22", "2026-07-04")]       // opens on 22/05/2026, not on 05/05/2026
    [InlineData("2027-06-30", "2027-01-01", "2027-03-02")]
    public void The_re_evaluation_window_applies_only_under_26_2026(string expires, string? opens, string? closes)
    {
        var window = CertificateValidity.WindowFor(D(expires), EvaluationProcesses.All);
        Assert.Equal(opens, window?.Opens.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Assert.Equal(closes, window?.Closes.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("2027-06-30", "2026-12-31", false, "nộp từ ngày 01/01/2027 đến ngày 02/03/2027")]   // too early
    [InlineData("2027-06-30", "2027-01-01", false, null)]
    [InlineData("2027-06-30", "2027-03-02", false, null)]
    [InlineData("2027-06-30", "2027-03-03", true, null)]                                       // after the window: late, accepted
    [InlineData("2027-06-30", "2027-06-30", true, null)]                                       // the last valid day
    [InlineData("2027-06-30", "2027-07-01", false, "đã hết hạn ngày 30/06/2027")]
    [InlineData("2026-06-30", "2026-01-15", false, null)]                                      // no window under 1489: filed any time before expiry
    public void Filing_a_re_evaluation_is_enforced_where_the_window_applies(string expires, string on, bool late, string? refusal)
    {
        var facts = new CertificateFacts(D(expires).AddMonths(-36), D(expires));
        var filing = CertificateValidity.Filing(facts, D(on), EvaluationProcesses.All);
        Assert.Equal(refusal is null, filing.Allowed);
        Assert.Equal(late, filing.Late);
        if (refusal is not null)
        {
            Assert.Contains(refusal, filing.Refusal, StringComparison.Ordinal);
        }
    }

    // A dossier filed before 22/05/2026 finishes under the old rules: no grace past expiry.
    [Theory]
    [InlineData("2026-05-10", "2026-08-05", CertificateState.Expired)]
    [InlineData("2026-05-25", "2026-08-05", CertificateState.KeptValidPendingReevaluation)]
    [InlineData("2026-05-25", "2027-01-28", CertificateState.Expired)]     // 181 days past expiry
    public void The_grace_of_a_pending_re_evaluation_is_the_one_of_the_rules_in_force_when_it_was_filed(string filed, string on, CertificateState state)
    {
        var facts = new CertificateFacts(D("2023-07-31"), D("2026-07-31"), D(filed));
        Assert.Equal(state, CertificateValidity.StateOn(facts, D(on), EvaluationProcesses.All).State);
    }

    [Theory]
    [InlineData(ReevaluationOutcome.Renewed, "2027-02-01", CertificateState.Superseded)]
    [InlineData(ReevaluationOutcome.NotRenewed, "2027-02-01", CertificateState.Valid)]            // runs to its own expiry
    [InlineData(ReevaluationOutcome.NotRenewed, "2027-07-05", CertificateState.Expired)]          // the outcome ends the grace
    [InlineData(ReevaluationOutcome.Renewed, "2027-01-20", CertificateState.ReevaluationFiled)]   // before the outcome
    public void The_outcome_of_a_re_evaluation_closes_it(ReevaluationOutcome outcome, string on, CertificateState state)
    {
        var facts = new CertificateFacts(Issued, Expires, D("2027-01-10"), D("2027-01-25"), ReevaluationOutcome: outcome);
        Assert.Equal(state, CertificateValidity.StateOn(facts, D(on), EvaluationProcesses.All).State);
    }
}
