import type { Sequelize } from 'sequelize';
import {
  Agreement, AgreementParty, Attachment, Obligation, ObligationStakeholder, ReminderDelivery, ReportingMoment,
} from './accountability';
import {
  CodeAdoption, CodePrinciple, CodeProvision, ComplianceStatement, ComplianceYear, GovernanceCode, ObligationProvision,
  StatementEvidence,
} from './governance';
import { Household, HouseholdMember, Organisation, Person, Position } from './parties';
import { AuditEvent, AuthToken, Institution, MailMessage, Membership, SignInFailure, Theme, User } from './platform';
import { CorrectionProposal, DataSubjectRequest, PortalLink } from './privacy';
import { QualitySnapshot } from './quality';
import {
  Engagement, EngagementInterest, EngagementParticipant, EngagementStakeholder, Interest, SalienceAssessment, Stakeholder,
} from './stakeholders';

export * from './platform';
export * from './parties';
export * from './stakeholders';
export * from './accountability';
export * from './governance';
export * from './privacy';
export * from './quality';

let initialised: Sequelize | null = null;

/** Binds every model to this Sequelize instance and declares the associations, in pairs, with explicit aliases. */
export function initModels(sequelize: Sequelize): void {
  if (initialised === sequelize) return;
  initialised = sequelize;
  for (const model of [
    Institution, User, Membership, AuthToken, SignInFailure, AuditEvent, MailMessage, Theme,
    Organisation, Household, Person, HouseholdMember, Position,
    Stakeholder, SalienceAssessment, Interest, Engagement, EngagementStakeholder, EngagementParticipant, EngagementInterest,
    Agreement, AgreementParty, Obligation, ObligationStakeholder, ReportingMoment, Attachment, ReminderDelivery,
    GovernanceCode, CodePrinciple, CodeProvision, ObligationProvision, CodeAdoption, ComplianceYear, ComplianceStatement,
    StatementEvidence,
    DataSubjectRequest, PortalLink, CorrectionProposal,
    QualitySnapshot,
  ]) {
    model.initModel(sequelize);
  }

  associatePlatform();
  associateParties();
  associateStakeholders();
  associateAccountability();
  associateGovernance();
  associatePrivacy();
}

function associatePlatform() {
  User.hasMany(Membership, { foreignKey: 'userId', as: 'memberships' });
  Membership.belongsTo(User, { foreignKey: 'userId', as: 'user' });
  Institution.hasMany(Membership, { foreignKey: 'institutionId', as: 'memberships' });
  Membership.belongsTo(Institution, { foreignKey: 'institutionId', as: 'institution' });
  User.hasMany(AuthToken, { foreignKey: 'userId', as: 'authTokens' });
  AuthToken.belongsTo(User, { foreignKey: 'userId', as: 'user' });
  Institution.hasMany(Theme, { foreignKey: 'institutionId', as: 'themes' });
  Theme.belongsTo(Institution, { foreignKey: 'institutionId', as: 'institution' });
}

function associateParties() {
  Institution.hasMany(Organisation, { foreignKey: 'institutionId', as: 'organisations' });
  Organisation.belongsTo(Institution, { foreignKey: 'institutionId', as: 'institution' });
  Organisation.belongsTo(Organisation, { foreignKey: 'mergedIntoId', as: 'mergedInto' });
  Organisation.hasMany(Organisation, { foreignKey: 'mergedIntoId', as: 'mergedFrom' });

  Institution.hasMany(Household, { foreignKey: 'institutionId', as: 'households' });
  Household.belongsTo(Institution, { foreignKey: 'institutionId', as: 'institution' });

  Institution.hasMany(Person, { foreignKey: 'institutionId', as: 'persons' });
  Person.belongsTo(Institution, { foreignKey: 'institutionId', as: 'institution' });
  Person.belongsTo(Person, { foreignKey: 'mergedIntoId', as: 'mergedInto' });
  Person.hasMany(Person, { foreignKey: 'mergedIntoId', as: 'mergedFrom' });

  Household.hasMany(HouseholdMember, { foreignKey: 'householdId', as: 'members' });
  HouseholdMember.belongsTo(Household, { foreignKey: 'householdId', as: 'household' });
  Person.hasMany(HouseholdMember, { foreignKey: 'personId', as: 'householdMemberships' });
  HouseholdMember.belongsTo(Person, { foreignKey: 'personId', as: 'person' });
  Household.belongsToMany(Person, { through: HouseholdMember, foreignKey: 'householdId', otherKey: 'personId', as: 'persons' });
  Person.belongsToMany(Household, { through: HouseholdMember, foreignKey: 'personId', otherKey: 'householdId', as: 'households' });

  // A person may hold several (dated) positions at the same organisation, so Position is reached as
  // a model of its own rather than as a many-to-many join.
  Institution.hasMany(Position, { foreignKey: 'institutionId', as: 'positions' });
  Position.belongsTo(Institution, { foreignKey: 'institutionId', as: 'institution' });
  Person.hasMany(Position, { foreignKey: 'personId', as: 'positions' });
  Position.belongsTo(Person, { foreignKey: 'personId', as: 'person' });
  Organisation.hasMany(Position, { foreignKey: 'organisationId', as: 'positions' });
  Position.belongsTo(Organisation, { foreignKey: 'organisationId', as: 'organisation' });
}

function associateStakeholders() {
  Institution.hasMany(Stakeholder, { foreignKey: 'institutionId', as: 'stakeholders' });
  Stakeholder.belongsTo(Institution, { foreignKey: 'institutionId', as: 'institution' });
  // Parties belong to one institution and each has at most one stakeholder record there.
  Organisation.hasOne(Stakeholder, { foreignKey: 'organisationId', as: 'stakeholder' });
  Stakeholder.belongsTo(Organisation, { foreignKey: 'organisationId', as: 'organisation' });
  Person.hasOne(Stakeholder, { foreignKey: 'personId', as: 'stakeholder' });
  Stakeholder.belongsTo(Person, { foreignKey: 'personId', as: 'person' });
  Household.hasOne(Stakeholder, { foreignKey: 'householdId', as: 'stakeholder' });
  Stakeholder.belongsTo(Household, { foreignKey: 'householdId', as: 'household' });
  User.hasMany(Stakeholder, { foreignKey: 'ownerUserId', as: 'ownedStakeholders' });
  Stakeholder.belongsTo(User, { foreignKey: 'ownerUserId', as: 'owner' });

  Institution.hasMany(SalienceAssessment, { foreignKey: 'institutionId', as: 'salienceAssessments' });
  SalienceAssessment.belongsTo(Institution, { foreignKey: 'institutionId', as: 'institution' });
  Stakeholder.hasMany(SalienceAssessment, { foreignKey: 'stakeholderId', as: 'assessments' });
  SalienceAssessment.belongsTo(Stakeholder, { foreignKey: 'stakeholderId', as: 'stakeholder' });
  User.hasMany(SalienceAssessment, { foreignKey: 'assessedByUserId', as: 'salienceAssessments' });
  SalienceAssessment.belongsTo(User, { foreignKey: 'assessedByUserId', as: 'assessedBy' });

  Institution.hasMany(Interest, { foreignKey: 'institutionId', as: 'interests' });
  Interest.belongsTo(Institution, { foreignKey: 'institutionId', as: 'institution' });
  Stakeholder.hasMany(Interest, { foreignKey: 'stakeholderId', as: 'interests' });
  Interest.belongsTo(Stakeholder, { foreignKey: 'stakeholderId', as: 'stakeholder' });
  Theme.hasMany(Interest, { foreignKey: 'themeId', as: 'interests' });
  Interest.belongsTo(Theme, { foreignKey: 'themeId', as: 'theme' });

  Institution.hasMany(Engagement, { foreignKey: 'institutionId', as: 'engagements' });
  Engagement.belongsTo(Institution, { foreignKey: 'institutionId', as: 'institution' });
  User.hasMany(Engagement, { foreignKey: 'followUpOwnerUserId', as: 'ownedFollowUps' });
  Engagement.belongsTo(User, { foreignKey: 'followUpOwnerUserId', as: 'followUpOwner' });
  User.hasMany(Engagement, { foreignKey: 'recordedByUserId', as: 'recordedEngagements' });
  Engagement.belongsTo(User, { foreignKey: 'recordedByUserId', as: 'recordedBy' });

  Engagement.hasMany(EngagementStakeholder, { foreignKey: 'engagementId', as: 'stakeholderLinks' });
  EngagementStakeholder.belongsTo(Engagement, { foreignKey: 'engagementId', as: 'engagement' });
  Stakeholder.hasMany(EngagementStakeholder, { foreignKey: 'stakeholderId', as: 'engagementLinks' });
  EngagementStakeholder.belongsTo(Stakeholder, { foreignKey: 'stakeholderId', as: 'stakeholder' });
  Engagement.belongsToMany(Stakeholder, { through: EngagementStakeholder, foreignKey: 'engagementId', otherKey: 'stakeholderId', as: 'stakeholders' });
  Stakeholder.belongsToMany(Engagement, { through: EngagementStakeholder, foreignKey: 'stakeholderId', otherKey: 'engagementId', as: 'engagements' });

  Engagement.hasMany(EngagementParticipant, { foreignKey: 'engagementId', as: 'participants' });
  EngagementParticipant.belongsTo(Engagement, { foreignKey: 'engagementId', as: 'engagement' });
  Person.hasMany(EngagementParticipant, { foreignKey: 'personId', as: 'engagementParticipations' });
  EngagementParticipant.belongsTo(Person, { foreignKey: 'personId', as: 'person' });
  Position.hasMany(EngagementParticipant, { foreignKey: 'positionId', as: 'engagementParticipations' });
  EngagementParticipant.belongsTo(Position, { foreignKey: 'positionId', as: 'position' });
  Engagement.belongsToMany(Person, { through: EngagementParticipant, foreignKey: 'engagementId', otherKey: 'personId', as: 'persons' });
  Person.belongsToMany(Engagement, { through: EngagementParticipant, foreignKey: 'personId', otherKey: 'engagementId', as: 'engagements' });

  Engagement.hasMany(EngagementInterest, { foreignKey: 'engagementId', as: 'interestLinks' });
  EngagementInterest.belongsTo(Engagement, { foreignKey: 'engagementId', as: 'engagement' });
  Interest.hasMany(EngagementInterest, { foreignKey: 'interestId', as: 'engagementLinks' });
  EngagementInterest.belongsTo(Interest, { foreignKey: 'interestId', as: 'interest' });
  Engagement.belongsToMany(Interest, { through: EngagementInterest, foreignKey: 'engagementId', otherKey: 'interestId', as: 'interests' });
  Interest.belongsToMany(Engagement, { through: EngagementInterest, foreignKey: 'interestId', otherKey: 'engagementId', as: 'engagements' });
}

function associateAccountability() {
  Institution.hasMany(Agreement, { foreignKey: 'institutionId', as: 'agreements' });
  Agreement.belongsTo(Institution, { foreignKey: 'institutionId', as: 'institution' });
  User.hasMany(Agreement, { foreignKey: 'ownerUserId', as: 'ownedAgreements' });
  Agreement.belongsTo(User, { foreignKey: 'ownerUserId', as: 'owner' });

  Agreement.hasMany(AgreementParty, { foreignKey: 'agreementId', as: 'parties' });
  AgreementParty.belongsTo(Agreement, { foreignKey: 'agreementId', as: 'agreement' });
  Stakeholder.hasMany(AgreementParty, { foreignKey: 'stakeholderId', as: 'agreementLinks' });
  AgreementParty.belongsTo(Stakeholder, { foreignKey: 'stakeholderId', as: 'stakeholder' });
  Agreement.belongsToMany(Stakeholder, { through: AgreementParty, foreignKey: 'agreementId', otherKey: 'stakeholderId', as: 'stakeholders' });
  Stakeholder.belongsToMany(Agreement, { through: AgreementParty, foreignKey: 'stakeholderId', otherKey: 'agreementId', as: 'agreements' });

  Institution.hasMany(Obligation, { foreignKey: 'institutionId', as: 'obligations' });
  Obligation.belongsTo(Institution, { foreignKey: 'institutionId', as: 'institution' });
  Agreement.hasMany(Obligation, { foreignKey: 'agreementId', as: 'obligations' });
  Obligation.belongsTo(Agreement, { foreignKey: 'agreementId', as: 'agreement' });
  User.hasMany(Obligation, { foreignKey: 'responsibleUserId', as: 'responsibleObligations' });
  Obligation.belongsTo(User, { foreignKey: 'responsibleUserId', as: 'responsibleUser' });

  Obligation.hasMany(ObligationStakeholder, { foreignKey: 'obligationId', as: 'stakeholderLinks' });
  ObligationStakeholder.belongsTo(Obligation, { foreignKey: 'obligationId', as: 'obligation' });
  Stakeholder.hasMany(ObligationStakeholder, { foreignKey: 'stakeholderId', as: 'obligationLinks' });
  ObligationStakeholder.belongsTo(Stakeholder, { foreignKey: 'stakeholderId', as: 'stakeholder' });
  Obligation.belongsToMany(Stakeholder, { through: ObligationStakeholder, foreignKey: 'obligationId', otherKey: 'stakeholderId', as: 'stakeholders' });
  Stakeholder.belongsToMany(Obligation, { through: ObligationStakeholder, foreignKey: 'stakeholderId', otherKey: 'obligationId', as: 'obligations' });

  Institution.hasMany(ReportingMoment, { foreignKey: 'institutionId', as: 'reportingMoments' });
  ReportingMoment.belongsTo(Institution, { foreignKey: 'institutionId', as: 'institution' });
  Obligation.hasMany(ReportingMoment, { foreignKey: 'obligationId', as: 'moments' });
  ReportingMoment.belongsTo(Obligation, { foreignKey: 'obligationId', as: 'obligation' });
  User.hasMany(ReportingMoment, { foreignKey: 'renderedByUserId', as: 'renderedMoments' });
  ReportingMoment.belongsTo(User, { foreignKey: 'renderedByUserId', as: 'renderedBy' });
  User.hasMany(ReportingMoment, { foreignKey: 'waivedByUserId', as: 'waivedMoments' });
  ReportingMoment.belongsTo(User, { foreignKey: 'waivedByUserId', as: 'waivedBy' });

  Institution.hasMany(Attachment, { foreignKey: 'institutionId', as: 'attachments' });
  Attachment.belongsTo(Institution, { foreignKey: 'institutionId', as: 'institution' });
  Agreement.hasMany(Attachment, { foreignKey: 'agreementId', as: 'attachments' });
  Attachment.belongsTo(Agreement, { foreignKey: 'agreementId', as: 'agreement' });
  ReportingMoment.hasMany(Attachment, { foreignKey: 'reportingMomentId', as: 'attachments' });
  Attachment.belongsTo(ReportingMoment, { foreignKey: 'reportingMomentId', as: 'reportingMoment' });
  User.hasMany(Attachment, { foreignKey: 'uploadedByUserId', as: 'uploadedAttachments' });
  Attachment.belongsTo(User, { foreignKey: 'uploadedByUserId', as: 'uploadedBy' });

  User.hasMany(ReminderDelivery, { foreignKey: 'userId', as: 'reminderDeliveries' });
  ReminderDelivery.belongsTo(User, { foreignKey: 'userId', as: 'user' });
  ReportingMoment.hasMany(ReminderDelivery, { foreignKey: 'reportingMomentId', as: 'reminderDeliveries' });
  ReminderDelivery.belongsTo(ReportingMoment, { foreignKey: 'reportingMomentId', as: 'reportingMoment' });
}

function associateGovernance() {
  GovernanceCode.hasMany(CodePrinciple, { foreignKey: 'codeId', as: 'principles' });
  CodePrinciple.belongsTo(GovernanceCode, { foreignKey: 'codeId', as: 'code' });
  GovernanceCode.hasMany(CodeProvision, { foreignKey: 'codeId', as: 'provisions' });
  CodeProvision.belongsTo(GovernanceCode, { foreignKey: 'codeId', as: 'code' });
  CodePrinciple.hasMany(CodeProvision, { foreignKey: 'principleId', as: 'provisions' });
  CodeProvision.belongsTo(CodePrinciple, { foreignKey: 'principleId', as: 'principle' });

  Obligation.hasMany(ObligationProvision, { foreignKey: 'obligationId', as: 'provisionLinks' });
  ObligationProvision.belongsTo(Obligation, { foreignKey: 'obligationId', as: 'obligation' });
  CodeProvision.hasMany(ObligationProvision, { foreignKey: 'provisionId', as: 'obligationLinks' });
  ObligationProvision.belongsTo(CodeProvision, { foreignKey: 'provisionId', as: 'provision' });
  Obligation.belongsToMany(CodeProvision, { through: ObligationProvision, foreignKey: 'obligationId', otherKey: 'provisionId', as: 'provisions' });
  CodeProvision.belongsToMany(Obligation, { through: ObligationProvision, foreignKey: 'provisionId', otherKey: 'obligationId', as: 'obligations' });

  Institution.hasMany(CodeAdoption, { foreignKey: 'institutionId', as: 'codeAdoptions' });
  CodeAdoption.belongsTo(Institution, { foreignKey: 'institutionId', as: 'institution' });
  GovernanceCode.hasMany(CodeAdoption, { foreignKey: 'codeId', as: 'adoptions' });
  CodeAdoption.belongsTo(GovernanceCode, { foreignKey: 'codeId', as: 'code' });
  Institution.belongsToMany(GovernanceCode, { through: CodeAdoption, foreignKey: 'institutionId', otherKey: 'codeId', as: 'adoptedCodes' });
  GovernanceCode.belongsToMany(Institution, { through: CodeAdoption, foreignKey: 'codeId', otherKey: 'institutionId', as: 'adoptingInstitutions' });

  Institution.hasMany(ComplianceYear, { foreignKey: 'institutionId', as: 'complianceYears' });
  ComplianceYear.belongsTo(Institution, { foreignKey: 'institutionId', as: 'institution' });
  User.hasMany(ComplianceYear, { foreignKey: 'approvedByUserId', as: 'approvedComplianceYears' });
  ComplianceYear.belongsTo(User, { foreignKey: 'approvedByUserId', as: 'approvedBy' });

  // A statement's year is (institutionId, year), a key no single-column association expresses:
  // queries join compliance_years on both columns.
  Institution.hasMany(ComplianceStatement, { foreignKey: 'institutionId', as: 'complianceStatements' });
  ComplianceStatement.belongsTo(Institution, { foreignKey: 'institutionId', as: 'institution' });
  GovernanceCode.hasMany(ComplianceStatement, { foreignKey: 'codeId', as: 'statements' });
  ComplianceStatement.belongsTo(GovernanceCode, { foreignKey: 'codeId', as: 'code' });
  CodeProvision.hasMany(ComplianceStatement, { foreignKey: 'provisionId', as: 'statements' });
  ComplianceStatement.belongsTo(CodeProvision, { foreignKey: 'provisionId', as: 'provision' });
  CodePrinciple.hasMany(ComplianceStatement, { foreignKey: 'principleId', as: 'statements' });
  ComplianceStatement.belongsTo(CodePrinciple, { foreignKey: 'principleId', as: 'principle' });
  User.hasMany(ComplianceStatement, { foreignKey: 'updatedByUserId', as: 'updatedComplianceStatements' });
  ComplianceStatement.belongsTo(User, { foreignKey: 'updatedByUserId', as: 'updatedBy' });

  ComplianceStatement.hasMany(StatementEvidence, { foreignKey: 'statementId', as: 'evidence' });
  StatementEvidence.belongsTo(ComplianceStatement, { foreignKey: 'statementId', as: 'statement' });
  Obligation.hasMany(StatementEvidence, { foreignKey: 'obligationId', as: 'statementEvidence' });
  StatementEvidence.belongsTo(Obligation, { foreignKey: 'obligationId', as: 'obligation' });
  ReportingMoment.hasMany(StatementEvidence, { foreignKey: 'reportingMomentId', as: 'statementEvidence' });
  StatementEvidence.belongsTo(ReportingMoment, { foreignKey: 'reportingMomentId', as: 'reportingMoment' });
  Agreement.hasMany(StatementEvidence, { foreignKey: 'agreementId', as: 'statementEvidence' });
  StatementEvidence.belongsTo(Agreement, { foreignKey: 'agreementId', as: 'agreement' });
  Engagement.hasMany(StatementEvidence, { foreignKey: 'engagementId', as: 'statementEvidence' });
  StatementEvidence.belongsTo(Engagement, { foreignKey: 'engagementId', as: 'engagement' });
}

function associatePrivacy() {
  Institution.hasMany(QualitySnapshot, { foreignKey: 'institutionId', as: 'qualitySnapshots' });
  QualitySnapshot.belongsTo(Institution, { foreignKey: 'institutionId', as: 'institution' });

  Institution.hasMany(DataSubjectRequest, { foreignKey: 'institutionId', as: 'dataSubjectRequests' });
  DataSubjectRequest.belongsTo(Institution, { foreignKey: 'institutionId', as: 'institution' });
  Person.hasMany(DataSubjectRequest, { foreignKey: 'personId', as: 'dataSubjectRequests' });
  DataSubjectRequest.belongsTo(Person, { foreignKey: 'personId', as: 'person' });
  User.hasMany(DataSubjectRequest, { foreignKey: 'handledByUserId', as: 'handledDataSubjectRequests' });
  DataSubjectRequest.belongsTo(User, { foreignKey: 'handledByUserId', as: 'handledBy' });

  Institution.hasMany(PortalLink, { foreignKey: 'institutionId', as: 'portalLinks' });
  PortalLink.belongsTo(Institution, { foreignKey: 'institutionId', as: 'institution' });
  Person.hasMany(PortalLink, { foreignKey: 'personId', as: 'portalLinks' });
  PortalLink.belongsTo(Person, { foreignKey: 'personId', as: 'person' });
  User.hasMany(PortalLink, { foreignKey: 'createdByUserId', as: 'createdPortalLinks' });
  PortalLink.belongsTo(User, { foreignKey: 'createdByUserId', as: 'createdBy' });

  Institution.hasMany(CorrectionProposal, { foreignKey: 'institutionId', as: 'correctionProposals' });
  CorrectionProposal.belongsTo(Institution, { foreignKey: 'institutionId', as: 'institution' });
  Person.hasMany(CorrectionProposal, { foreignKey: 'personId', as: 'correctionProposals' });
  CorrectionProposal.belongsTo(Person, { foreignKey: 'personId', as: 'person' });
  PortalLink.hasMany(CorrectionProposal, { foreignKey: 'portalLinkId', as: 'correctionProposals' });
  CorrectionProposal.belongsTo(PortalLink, { foreignKey: 'portalLinkId', as: 'portalLink' });
  User.hasMany(CorrectionProposal, { foreignKey: 'reviewedByUserId', as: 'reviewedCorrectionProposals' });
  CorrectionProposal.belongsTo(User, { foreignKey: 'reviewedByUserId', as: 'reviewedBy' });
  DataSubjectRequest.hasMany(CorrectionProposal, { foreignKey: 'dataSubjectRequestId', as: 'correctionProposals' });
  CorrectionProposal.belongsTo(DataSubjectRequest, { foreignKey: 'dataSubjectRequestId', as: 'dataSubjectRequest' });
}
