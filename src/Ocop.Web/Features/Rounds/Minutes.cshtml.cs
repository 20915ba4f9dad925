using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Ocop.Web.Features.Access;
using Ocop.Web.Features.Documents;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Rounds;

/// <summary>
/// The council minutes (biên bản họp hội đồng) of a closed round as a Word document in the Decree 30 format, as
/// <see cref="IssueMinutes"/> issues them: produced once and handed out as stored from then on.
/// </summary>
public sealed class MinutesModel(UserScopeLoader scopes, IssueMinutes issue) : PageModel
{
    [FromRoute] public int Id { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var result = await issue.RunAsync(await scopes.GetAsync(ct), new IssueMinutes.Command { RoundId = Id }, ct);
        switch (result.Outcome)
        {
            case WriteOutcome.NotFound:
                return NotFound();
            case WriteOutcome.Refused:
                return Forbid();
            case WriteOutcome.Invalid:
                TempData["Message"] = string.Join(" ", result.AllMessages());
                return RedirectToPage("Results", new { id = Id });
        }

        return File(result.Value!.Docx, IssuedDocumentStore.DocxType, $"bien-ban-hoi-dong-dot-{Id.ToString(CultureInfo.InvariantCulture)}.docx");
    }
}
