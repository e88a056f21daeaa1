/** English: the citizen's pages — submission wizard, my dossiers, notifications. */
export const citizen = {
  wizard: {
    title: 'Apply online',
    progress: 'Application steps',
    steps: { form: 'Form', files: 'Documents', review: 'Review and submit' },
    next: 'Continue',
    back: 'Back',
    submit: 'Submit the dossier',
    filesLead: 'Upload a photo or scan (PDF, JPEG, PNG) of each document.',
    reviewLead: 'Check the information before submitting.',
    formData: 'Form data',
    documents: 'Uploaded documents',
    declaration: 'I declare that the information above is true and I am responsible before the law for it.',
  },
  mine: {
    title: 'My dossiers',
    new: 'New application',
    none: 'You have no dossiers yet.',
    unverified: 'Your account is not verified yet. Dossiers you file at the counter will appear here once you verify your account at the one-stop desk with your ID card.',
    dossierTitle: 'Dossier {{code}}',
    back: 'All my dossiers',
    receipt: 'Receipt',
    supplementAsked: 'The agency asks you to add documents:',
    pleaseRate: 'Your result has been returned. Please rate the service.',
  },
  notifications: {
    title: 'Notifications',
    unread_one: '{{count}} unread notification',
    unread_other: '{{count}} unread notifications',
    none: 'No notifications yet.',
    new: 'New:',
  },
};
