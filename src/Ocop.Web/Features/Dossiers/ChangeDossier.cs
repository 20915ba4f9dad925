using Microsoft.EntityFrameworkCore;
using Ocop.Core.Dossiers;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Dossiers;

/// <summary>What a change does to a dossier: its notes, or one step of its workflow.</summary>
public enum DossierStep
{
    /// <summary>Changes the notes (while the dossier is being prepared or was returned).</summary>
    Notes = 1,
    /// <summary>Submits it, complete; a re-evaluation is filed on its certificate.</summary>
    Submit = 2,
    /// <summary>Returns a submitted dossier with the reason what to add.</summary>
    Return = 3,
    /// <summary>Accepts a submitted dossier as complete.</summary>
    Accept = 4,
}

/// <summary>
/// Changes a dossier's notes, submits it, returns it with a reason or accepts it: the one write path of the dossier
/// page's forms and the API. Who may do it and when is <see cref="DossierChanges"/>; a change made from an old version
/// is refused as stale, and nothing is written unless every rule passes.
/// </summary>
public sealed class ChangeDossier(OcopDbContext db, TimeProvider clock)
{
    public const string StaleMessage = "Hồ sơ vừa được người khác thay đổi. Hãy xem lại rồi thử lại.";

    /// <param name="Id">The dossier.</param>
    /// <param name="Version">The version the change was made from.</param>
    /// <param name="Text">The notes (<see cref="DossierStep.Notes"/>) or the reason (<see cref="DossierStep.Return"/>); unused otherwise.</param>
    public sealed record Command(int Id, int Version, DossierStep Step, string? Text = null);

    /// <param name="Late">A re-evaluation submitted after its window (filed, marked late).</param>
    public sealed record Changed(int Id, int Version, DossierState State, bool Late);

    /// <summary>The field a step's text is reported under: "notes" or "reason", as the page's form and the API body name it.</summary>
    public static string TextField(DossierStep step) => step == DossierStep.Return ? "reason" : "notes";

    /// <summary>The field the missing documents are listed under when a submission is refused.</summary>
    public const string MissingField = "missing";

    public async Task<WriteResult<Changed>> RunAsync(UserScope scope, Command command, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(command);
        if (!Enum.IsDefined(command.Step))
        {
            throw new ArgumentException("Unknown dossier step.", nameof(command));
        }

        var facts = await DossierFacts.LoadAsync(db, scope, command.Id, track: true, ct);
        if (facts is null)
        {
            return WriteResult.NotFound<Changed>("Không tìm thấy hồ sơ.");
        }

        var action = command.Step switch
        {
            DossierStep.Notes => DossierAction.Edit,
            DossierStep.Submit => DossierAction.Submit,
            DossierStep.Return => DossierAction.Return,
            _ => DossierAction.Accept,
        };
        if (facts.Refusal(scope, action) is { } refusal)
        {
            return WriteResult.Refused<Changed>(refusal);
        }

        var errors = new FieldErrorList();
        var text = string.IsNullOrWhiteSpace(command.Text) ? null : command.Text.Trim();
        if (text?.Any(FieldErrorList.RefusedCharacter) == true)
        {
            errors.Add(TextField(command.Step), "Có ký tự điều khiển hoặc ký tự định hướng văn bản không được phép.");
        }
        else if ((command.Step == DossierStep.Notes ? DossierChanges.NotesProblem(text) : command.Step == DossierStep.Return ? DossierChanges.ReturnReasonProblem(text) : null) is { } problem)
        {
            errors.Add(TextField(command.Step), problem);
        }

        if (command.Step == DossierStep.Submit && DossierChanges.SubmitProblem(facts.Completeness) is { } incomplete)
        {
            errors.Add("", incomplete);
            foreach (var missing in facts.Completeness.Missing)
            {
                errors.Add(MissingField, missing.Title);
            }
        }

        if (errors.Any)
        {
            return WriteResult.Invalid<Changed>(errors);
        }

        var dossier = facts.Dossier;
        if (dossier.Version != command.Version)
        {
            return WriteResult.Stale<Changed>(StaleMessage);
        }

        var late = false;
        var now = clock.GetUtcNow().UtcDateTime;
        switch (command.Step)
        {
            case DossierStep.Notes:
                dossier.Notes = text;
                break;
            case DossierStep.Submit:
                // A re-evaluation is filed on its certificate as it is submitted, in the same save as the dossier's state.
                var catalog = await new Certificates.CertificateRules(db, clock).ProcessesAsync(ct);
                (var filingRefusal, late) = await DossierCertificates.FileAsync(db, dossier, Display.Today(clock), catalog, ct);
                if (filingRefusal is not null)
                {
                    errors.Add("", "Chưa nộp được: " + filingRefusal);
                    return WriteResult.Invalid<Changed>(errors);
                }

                dossier.State = DossierState.Submitted;
                dossier.SubmittedAt = now;
                break;
            case DossierStep.Return:
                dossier.State = DossierState.Returned;
                dossier.ReturnReason = text;
                break;
            case DossierStep.Accept:
                dossier.State = DossierState.Accepted;
                dossier.AcceptedAt = now;
                break;
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return WriteResult.Stale<Changed>(StaleMessage);
        }

        return WriteResult.Done(new Changed(dossier.Id, dossier.Version, dossier.State, late));
    }
}
