import Foundation

/// The form's five lists of rows, in the order it shows them (issue 20, item 12: partners,
/// financing and results were `code | text` lines with English codes).
extension ProjectRowGroup {
    public static let all = [partners, financing, results, contacts, links]

    /// The group a row control belongs to ("partnerName" → partners).
    public static func owning(_ control: String) -> ProjectRowGroup? {
        all.first { $0.controls.contains { $0.name == control } }
    }

    public static let partners = ProjectRowGroup(
        name: "partners", noun: ("Partner", "Partner"),
        controls: [
            .choice("partnerRole", ("Type partner", "Kind of partner"), PartnerRole.self, path: "role"),
            .init("partnerName", ("Navn på partneren", "Partner's name"), path: "name"),
        ]
    ) { rows, document in
        var errors: [ProjectFieldError] = []
        document.partners = rows.enumerated().map { index, row in
            let role: PartnerRole
            switch code(
                row, "partnerRole", group: "partners", index: index, path: "role",
                missing: ("choose the kind of partner", "velg type partner")) as Result<PartnerRole, ProjectFieldError>
            {
            case .success(let chosen): role = chosen
            case .failure(let problem):
                errors.append(problem)
                role = .otherUnit
            }
            return .init(name: row["partnerName"] ?? "", role: role)
        }
        return errors
    } writer: { document in
        document.partners.map { ["partnerRole": $0.role.rawValue, "partnerName": $0.name] }
    }

    public static let financing = ProjectRowGroup(
        name: "financing", noun: ("Finansiering", "Financing"),
        controls: [
            .choice("financingSource", ("Kilde", "Source"), FinancingSource.self, path: "source"),
            .init("financingAmount", ("Beløp (kroner)", "Amount (NOK)"), path: "amount"),
            .choice(
                "financingStatus", ("Søknadsstatus", "Application status"), ApplicationStatus.self,
                path: "applicationStatus"),
            .init("financingNote", ("Merknad", "Note"), path: "note"),
        ]
    ) { rows, document in
        var errors: [ProjectFieldError] = []
        document.financing = rows.enumerated().map { index, row in
            var source = FinancingSource.other
            switch code(
                row, "financingSource", group: "financing", index: index, path: "source",
                missing: ("choose a source", "velg en kilde")) as Result<FinancingSource, ProjectFieldError>
            {
            case .success(let chosen): source = chosen
            case .failure(let problem): errors.append(problem)
            }
            let amountText = row["financingAmount"] ?? ""
            let amount = ProjectAmount.parse(amountText)
            if !amountText.isEmpty && amount == nil {
                errors.append(
                    problem(
                        "financing", index, "amount", "«\(amountText)» is not an amount in kroner",
                        "«\(amountText)» er ikke et beløp i kroner"))
            }
            let statusText = row["financingStatus"] ?? ""
            let status = ApplicationStatus(rawValue: statusText)
            if !statusText.isEmpty && status == nil {
                errors.append(
                    problem(
                        "financing", index, "applicationStatus", "unknown choice «\(statusText)»",
                        "ukjent valg «\(statusText)»"))
            }
            return .init(source: source, amount: amount, applicationStatus: status, note: row["financingNote"] ?? "")
        }
        return errors
    } writer: { document in
        document.financing.map {
            [
                "financingSource": $0.source.rawValue, "financingAmount": ProjectAmount.text($0.amount),
                "financingStatus": $0.applicationStatus?.rawValue ?? "", "financingNote": $0.note,
            ]
        }
    }

    /// Indicators are not edited on the form: a result whose impact and description stay the
    /// same keeps those it had.
    public static let results = ProjectRowGroup(
        name: "results", noun: ("Resultat", "Result"),
        controls: [
            .choice("resultImpact", ("Type effekt", "Kind of impact"), ImpactType.self, path: "impact"),
            .init("resultDescription", ("Beskrivelse av resultatet", "Description of the result"), path: "description"),
        ]
    ) { rows, document in
        var errors: [ProjectFieldError] = []
        let previous = document.results
        document.results = rows.enumerated().map { index, row in
            var impact = ImpactType.quality
            switch code(
                row, "resultImpact", group: "results", index: index, path: "impact",
                missing: ("choose the kind of impact", "velg type effekt")) as Result<ImpactType, ProjectFieldError>
            {
            case .success(let chosen): impact = chosen
            case .failure(let problem): errors.append(problem)
            }
            let description = row["resultDescription"] ?? ""
            if description.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                errors.append(
                    problem("results", index, "description", "describe the result", "beskriv resultatet"))
            }
            let indicators = previous.first { $0.impact == impact && $0.description == description }?.indicators ?? []
            return .init(impact: impact, description: description, indicators: indicators)
        }
        return errors
    } writer: { document in
        document.results.map { ["resultImpact": $0.impact.rawValue, "resultDescription": $0.description] }
    }

    public static let contacts = ProjectRowGroup(
        name: "contacts", noun: ("Kontaktperson", "Contact"),
        controls: [
            .init("contactName", ("Navn", "Name"), path: "name"),
            .init("contactEmail", ("E-post", "E-mail"), path: "email"),
            .init("contactRole", ("Rolle", "Role"), path: "role"),
            .init("contactConsent", ("Samtykker til publisering", "Consents to publication"), .flag, path: "consent"),
        ]
    ) { rows, document in
        document.contacts = rows.map { row in
            ProjectDocument.Contact(
                name: row["contactName"] ?? "", email: row["contactEmail"] ?? "", role: row["contactRole"] ?? "",
                publishConsent: row["contactConsent"] == "true")
        }
        return []
    } writer: { document in
        document.contacts.map {
            [
                "contactName": $0.name, "contactEmail": $0.email, "contactRole": $0.role,
                "contactConsent": $0.publishConsent ? "true" : "false",
            ]
        }
    }

    /// A link without a text shows its address.
    public static let links = ProjectRowGroup(
        name: "links", noun: ("Lenke", "Link"),
        controls: [
            .init("linkTitle", ("Lenketekst", "Link text"), path: "title"),
            .init("linkURL", ("Adresse", "Address"), path: "url"),
        ]
    ) { rows, document in
        document.links = rows.map { row in
            let url = row["linkURL"] ?? ""
            let title = row["linkTitle"] ?? ""
            return .init(title: title.isEmpty ? url : title, url: url)
        }
        return []
    } writer: { document in
        document.links.map { ["linkTitle": $0.title, "linkURL": $0.url] }
    }
}
