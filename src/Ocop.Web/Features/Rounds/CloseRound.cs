using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Evaluation;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Rounds;

/// <summary>
/// The chair closes the round: every product's result, computed by the core rules from the submitted sheets, is written
/// with its dossier marked evaluated, a failed re-evaluation ends its certificate's renewal, the round is closed — all in
/// one save — and the minutes are issued as the round closes. Refused while a sheet is pending or a result has an error.
/// </summary>
public sealed class CloseRound(OcopDbContext db, TimeProvider clock, CurrentActor actor)
{
    public const string StaleMessage = "Đợt đánh giá vừa được người khác thay đổi. Tải lại trang rồi thử lại.";

    public sealed class Command
    {
        public int RoundId { get; set; }
    }

    public sealed record Closed(int RoundId, int Products, DateTime ClosedAt);

    public async Task<WriteResult<Closed>> RunAsync(UserScope scope, Command command, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(command);
        var report = await RoundReport.LoadAsync(db, command.RoundId, ct);
        if (report is null)
        {
            return WriteResult.NotFound<Closed>("Không tìm thấy đợt đánh giá.");
        }

        var seat = RoundAccess.Seat(report.Members.FirstOrDefault(m => m.UserId is not null && m.UserId == scope.UserId)?.Position);
        var verdict = RoundPolicy.Decide(scope.Role, seat, RoundAction.Close, report.Round.State == RoundState.Open);
        if (verdict == RoundVerdict.RoundClosed)
        {
            // The chair's second click, or another tab: the round changed under them.
            return WriteResult.Stale<Closed>(RoundPolicy.Refusal(verdict, RoundAction.Close)!);
        }

        if (verdict != RoundVerdict.Allowed)
        {
            return WriteResult.Refused<Closed>(RoundPolicy.Refusal(verdict, RoundAction.Close)!);
        }

        if (report.BlocksToClosing() is { Count: > 0 } blocks)
        {
            var errors = new FieldErrorList();
            errors.Add("", "Chưa thể kết thúc đợt: " + string.Join(" ", blocks));
            return WriteResult.Invalid<Closed>(errors);
        }

        var round = await db.EvaluationRounds.SingleAsync(r => r.Id == command.RoundId, ct);
        db.Entry(round).Property(r => r.Version).OriginalValue = report.Round.Version;
        var rows = await db.RoundProducts.Where(p => p.RoundId == command.RoundId).ToDictionaryAsync(p => p.Id, ct);
        var dossierIds = report.Products.Where(p => p.DossierId is not null).Select(p => p.DossierId!.Value).ToList();
        var dossiers = await db.Dossiers.Where(d => dossierIds.Contains(d.Id)).ToListAsync(ct);
        foreach (var line in report.Products)
        {
            var row = rows[line.RoundProductId];
            var result = line.Result;
            row.ScoreHundredths = result.Total?.ToHundredths();
            row.PartAHundredths = Part(result, "A");
            row.PartBHundredths = Part(result, "B");
            row.PartCHundredths = Part(result, "C");
            row.StarByScore = result.StarByScore;
            row.Star = result.Star;
            row.CapExplanation = Shorten(result.CapExplanation, 1000);
            row.Outcome = line.Outcome?.Kind;
            row.PotentialFiveStar = line.Outcome?.PotentialFiveStar ?? false;
            row.Flags = JsonSerializer.Serialize(line.Flags, AuditJson.Options);
        }

        foreach (var dossier in dossiers)
        {
            dossier.State = DossierState.Evaluated;
        }

        // A re-evaluation the council did not recognise ends there: no renewal, and the grace past expiry closes.
        var closedOn = Display.Today(clock);
        var failed = report.Products.Where(p => p.Outcome?.Kind == LevelOutcomeKind.NotRecognised && p.DossierId is not null).Select(p => p.DossierId!.Value).ToList();
        var renewing = dossiers.Where(d => failed.Contains(d.Id) && d.Variant == DossierVariant.Reevaluation && d.CertificateId is not null)
            .Select(d => d.CertificateId!.Value).ToList();
        foreach (var certificate in await db.Certificates.Where(c => renewing.Contains(c.Id) && c.ReevaluationDecidedOn == null).ToListAsync(ct))
        {
            certificate.ReevaluationDecidedOn = closedOn;
            certificate.ReevaluationOutcome = ReevaluationOutcome.NotRenewed;
            certificate.ReevaluationNote = Shorten($"Không đạt khi đánh giá lại: {report.Round.Name}", 250);
        }

        round.State = RoundState.Closed;
        round.ClosedAt = clock.GetUtcNow().UtcDateTime;
        round.ClosedBy = actor.UserName;
        try
        {
            // One save: the results, the dossiers and the round's state commit together with their audit rows.
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return WriteResult.Stale<Closed>(StaleMessage);
        }

        // The minutes are issued as the round closes: names and scores of this moment, kept as they are.
        await IssueMinutes.FreezeAsync(db, (await RoundReport.LoadAsync(db, command.RoundId, ct))!, fromExisting: false, actor.UserName, ct);
        return WriteResult.Done(new Closed(round.Id, report.Products.Count, round.ClosedAt.Value));
    }

    private static int? Part(ProductResult result, string code) =>
        result.Parts.FirstOrDefault(p => p.Code == code)?.Score.ToHundredths();

    private static string? Shorten(string? text, int max) => text is null || text.Length <= max ? text : text[..(max - 1)] + "…";
}
