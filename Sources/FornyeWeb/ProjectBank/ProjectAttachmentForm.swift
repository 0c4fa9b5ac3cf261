import FornyeStorage

/// The upload form, on the project page and on the refusal page.
func attachmentUploadForm(
    slug: String, csrfToken: String, language: Language, limits: AttachmentLimits, error: String? = nil
) -> Node {
    let allowed = AttachmentKind.allCases.flatMap(\.extensions).map { "." + $0 }
    let hint = language.pick(
        "Tillatt: \(allowed.joined(separator: ", ")). Høyst \(AttachmentLimitsText.megabytes(limits.maxFileBytes)) MB per fil og \(AttachmentLimitsText.megabytes(limits.maxProjectBytes)) MB per prosjekt.",
        "Allowed: \(allowed.joined(separator: ", ")). At most \(AttachmentLimitsText.megabytes(limits.maxFileBytes)) MB a file and \(AttachmentLimitsText.megabytes(limits.maxProjectBytes)) MB a project."
    )
    return el(
        "form",
        [
            "method": "post", "action": Paths.projectAttachments(slug: slug), "enctype": "multipart/form-data",
            "class": "attachment-form",
        ]
    ) {
        el("input", ["type": "hidden", "name": "_csrf", "value": csrfToken])
        el("div", ["class": "field"]) {
            el("label", ["for": "felt-vedlegg"]) { language.pick("Legg til vedlegg", "Add attachments") }
            el("p", ["class": "field-hint", "id": "felt-vedlegg-hint"]) { hint }
            if let error { el("p", ["class": "error-message", "id": "felt-vedlegg-feil"]) { error } }
            el(
                "input",
                attributes: [
                    ("type", "file"), ("id", "felt-vedlegg"), ("name", "files[]"), ("multiple", ""),
                    ("accept", allowed.joined(separator: ",")),
                    ("aria-describedby", "felt-vedlegg-hint" + (error == nil ? "" : " felt-vedlegg-feil")),
                    ("aria-invalid", error == nil ? nil : "true"),
                ])
        }
        el("button", ["type": "submit"]) { language.pick("Last opp", "Upload") }
    }
}
