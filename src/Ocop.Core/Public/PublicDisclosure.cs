using Ocop.Core.Evaluation;
using Ocop.Core.Registry;
using Ocop.Core.Text;

namespace Ocop.Core.Public;

/// <summary>
/// What the public face may show of the registry (docs/public.md): only products recognised at least once, never a
/// draft or an archived record, a product's stars only while a certificate of it is valid, and a producer's registered
/// phone and e-mail only when they are an organisation's business contact, never a person's.
/// </summary>
public static class PublicDisclosure
{
    /// <summary>
    /// A product has a public page when it is neither archived nor of an archived subject and was recognised at least
    /// once: a label printed while it was certified must still open a page that tells the truth about it today.
    /// </summary>
    public static bool IsPublic(ProductStatus status, bool subjectArchived, int certificates) =>
        status != ProductStatus.Archived && !subjectArchived && certificates > 0;

    /// <summary>
    /// Companies, private enterprises and cooperatives publish their registered phone and e-mail: they are the business's.
    /// A household business's or a cooperative group's are a person's, and stay in the registry.
    /// </summary>
    public static bool PublishesContact(LegalForm form) =>
        form is LegalForm.Company or LegalForm.PrivateEnterprise or LegalForm.Cooperative;

    /// <summary>
    /// The certificate a public page speaks of: among those valid on the day, the most stars (the latest issued on a
    /// tie); when none is valid, the latest issued, so that the page says it expired or was revoked.
    /// </summary>
    public static T? Shown<T>(IEnumerable<T> certificates, Func<T, CertificateStatus> state, Func<T, int> stars, Func<T, DateOnly> issuedOn)
        where T : class
    {
        T? best = null;
        T? latest = null;
        foreach (var c in certificates)
        {
            if (latest is null || issuedOn(c) > issuedOn(latest))
            {
                latest = c;
            }

            if (state(c).IsValid && (best is null || stars(c) > stars(best) || (stars(c) == stars(best) && issuedOn(c) > issuedOn(best))))
            {
                best = c;
            }
        }

        return best ?? latest;
    }

    /// <summary>The part of a clean address made from a name: "Bánh tét lá cẩm Đa Lộc" → "banh-tet-la-cam-da-loc" (at most 80 characters).</summary>
    public static string Slug(string? name)
    {
        var folded = VietnameseText.Fold(name);
        var slug = new System.Text.StringBuilder(Math.Min(folded.Length, 80));
        foreach (var c in folded)
        {
            if (slug.Length >= 80)
            {
                break;
            }

            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        return slug.ToString().Trim('-');
    }

    /// <summary>
    /// A GTIN written as the 14 digits of a GS1 Digital Link (<c>/01/{GTIN-14}</c>): GTIN-8, -12 and -13 are padded with
    /// zeros on the left; null when it is not a valid GTIN.
    /// </summary>
    public static string? Gtin14(string? code)
    {
        var trimmed = code?.Trim();
        return Gtin.IsValid(trimmed) ? trimmed!.PadLeft(14, '0') : null;
    }
}
