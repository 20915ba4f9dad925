using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Evaluation;
using Ocop.Web.Data;
using Ocop.Web.Features.Certificates;
using Ocop.Web.Features.Documents;

namespace Ocop.Web.Features.Recognitions;

/// <summary>
/// A recognition decision as issued (its frozen facts: later edits of products, subjects or units do not show here)
/// with each certificate's state today, and its Word file exactly as issued.
/// </summary>
public sealed class DetailsModel(OcopDbContext db, TimeProvider clock) : PageModel
{
    public DecisionAsIssued Decision { get; private set; } = null!;
    public IssuedDocument Document { get; private set; } = null!;
    public List<Row> Rows { get; private set; } = [];

    public sealed record Row(CertificateAsIssued AsIssued, CertificateState? State);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    /// <summary>The decision as a Word file (Decree 30/2020), the bytes stored when it was issued.</summary>
    public async Task<IActionResult> OnGetDocxAsync(int id, CancellationToken ct)
    {
        var issued = await RecognitionDocuments.DecisionAsync(db, id, User.Identity?.Name, ct);
        return issued is { } found
            ? File(found.Document.Docx, IssuedDocumentStore.DocxType, "quyet-dinh-cong-nhan-" + id.ToString(CultureInfo.InvariantCulture) + ".docx")
            : NotFound();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (await RecognitionDocuments.DecisionAsync(db, id, User.Identity?.Name, ct) is not { } issued)
        {
            return false;
        }

        (Decision, Document) = issued;
        var rules = new CertificateRules(db, clock);
        var catalog = await rules.ProcessesAsync(ct);
        var certificates = await db.Certificates.AsNoTracking().Where(c => c.RecognitionId == id).ToDictionaryAsync(c => c.Id, ct);
        Rows = Decision.Certificates.Select(c => new Row(c,
            certificates.TryGetValue(c.CertificateId, out var live) ? CertificateRules.StateOn(live, rules.Today, catalog).State : null)).ToList();
        return true;
    }
}
