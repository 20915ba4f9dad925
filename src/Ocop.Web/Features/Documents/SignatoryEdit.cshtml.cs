using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Documents;
using Ocop.Web.Data;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Documents;

/// <summary>
/// Adds or corrects a signatory of an authority: who signs, with which title, whether for the head ("KT."), over which
/// period (inside the authority's own).
/// </summary>
[Authorize(Policy = Policies.EditReferenceData)]
public sealed class SignatoryEditModel(OcopDbContext db) : PageModel
{
    [FromRoute] public int? Id { get; set; }
    [FromQuery(Name = "authority")] public int? AuthorityQuery { get; set; }
    [BindProperty] public SignatoryInput Input { get; set; } = new();
    public IssuingAuthority Authority { get; private set; } = null!;

    public sealed class SignatoryInput
    {
        [Required(ErrorMessage = "Nhập họ tên."), StringLength(120, ErrorMessage = "Tối đa 120 ký tự.")] public string FullName { get; set; } = "";
        [Required(ErrorMessage = "Nhập chức vụ."), StringLength(120, ErrorMessage = "Tối đa 120 ký tự.")] public string Title { get; set; } = "";
        public bool IsDeputy { get; set; }
        public bool IsDefault { get; set; }
        [Required(ErrorMessage = "Nhập ngày bắt đầu.")] public DateOnly? ValidFrom { get; set; }
        public DateOnly? ValidTo { get; set; }
        [StringLength(500, ErrorMessage = "Tối đa 500 ký tự.")] public string? Note { get; set; }
        public int Version { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is int id)
        {
            var s = await db.Signatories.AsNoTracking().Include(x => x.Authority).SingleOrDefaultAsync(x => x.Id == id, ct);
            if (s is null)
            {
                return NotFound();
            }

            Authority = s.Authority!;
            Input = new SignatoryInput
            {
                FullName = s.FullName,
                Title = s.Title,
                IsDeputy = s.IsDeputy,
                IsDefault = s.IsDefault,
                ValidFrom = s.ValidFrom,
                ValidTo = s.ValidTo,
                Note = s.Note,
                Version = s.Version,
            };
            return Page();
        }

        var authority = AuthorityQuery is int a ? await db.IssuingAuthorities.AsNoTracking().SingleOrDefaultAsync(x => x.Id == a, ct) : null;
        if (authority is null)
        {
            return NotFound();
        }

        Authority = authority;
        Input = new SignatoryInput { Title = authority.HeadTitle, ValidFrom = authority.ValidFrom, ValidTo = authority.ValidTo };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var signatory = Id is int id ? await db.Signatories.Include(s => s.Authority).SingleOrDefaultAsync(s => s.Id == id, ct) : null;
        var authority = signatory?.Authority
            ?? (Id is null && AuthorityQuery is int a ? await db.IssuingAuthorities.SingleOrDefaultAsync(x => x.Id == a, ct) : null);
        if (authority is null)
        {
            return NotFound();
        }

        Authority = authority;
        if (signatory is not null && signatory.Version != Input.Version)
        {
            ModelState.AddModelError("", "Người ký vừa được người khác thay đổi. Tải lại trang rồi sửa lại.");
        }

        if (ModelState.IsValid)
        {
            Validate(authority);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        signatory ??= db.Signatories.Add(new Signatory { AuthorityId = authority.Id, FullName = "", Title = "" }).Entity;
        signatory.FullName = Input.FullName.Trim();
        signatory.Title = Input.Title.Trim();
        signatory.IsDeputy = Input.IsDeputy;
        signatory.IsDefault = Input.IsDefault;
        signatory.ValidFrom = Input.ValidFrom!.Value;
        signatory.ValidTo = Input.ValidTo;
        signatory.Note = string.IsNullOrWhiteSpace(Input.Note) ? null : Input.Note.Trim();
        if (Input.IsDefault)
        {
            // One signer proposed first at a time: the others of the same period step back, in the same save.
            var others = await db.Signatories.Where(s => s.AuthorityId == authority.Id && s.Id != signatory.Id && s.IsDefault).ToListAsync(ct);
            foreach (var other in others.Where(o => o.ValidFrom <= (Input.ValidTo ?? DateOnly.MaxValue) && Input.ValidFrom <= (o.ValidTo ?? DateOnly.MaxValue)))
            {
                other.IsDefault = false;
            }
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", "Người ký vừa được người khác thay đổi. Tải lại trang rồi sửa lại.");
            return Page();
        }

        TempData["Message"] = "Đã lưu người ký " + signatory.FullName + ".";
        return RedirectToPage("/Documents/Authorities");
    }

    private void Validate(IssuingAuthority authority)
    {
        var from = Input.ValidFrom!.Value;
        if (Input.ValidTo is DateOnly to && to < from)
        {
            ModelState.AddModelError("Input.ValidTo", "Ngày kết thúc phải từ ngày bắt đầu trở đi.");
            return;
        }

        var period = $"từ {Display.Date(authority.ValidFrom)}{(authority.ValidTo is null ? "" : " đến " + Display.Date(authority.ValidTo))}";
        if (from < authority.ValidFrom)
        {
            ModelState.AddModelError("Input.ValidFrom", $"Người ký chỉ ký trong thời gian của {authority.ShortName} ({period}).");
        }

        if (authority.ValidTo is DateOnly last && (Input.ValidTo is null || Input.ValidTo > last))
        {
            ModelState.AddModelError("Input.ValidTo", $"Người ký chỉ ký trong thời gian của {authority.ShortName} ({period}): nhập ngày kết thúc đến {Display.Date(last)}.");
        }

        var title = Input.Title.Trim();
        if (!Input.IsDeputy && SignatureBlock.IsDeputyTitle(title))
        {
            ModelState.AddModelError("Input.IsDeputy", $"Chức vụ \"{title}\" là cấp phó: đánh dấu ký thay (KT. {authority.HeadTitle.ToUpper(Display.Vi)}).");
        }
        else if (Input.IsDeputy && string.Equals(title, authority.HeadTitle, StringComparison.OrdinalIgnoreCase))
        {
            ModelState.AddModelError("Input.IsDeputy", $"\"{title}\" là người đứng đầu, không ký thay: bỏ đánh dấu ký thay.");
        }
    }
}
