/**
 * Generated from the server's OpenAPI document (GET /api/v1/openapi.json) by scripts/api-types.ts.
 * Do not edit: change the route schemas and run `npm run api:types`; named aliases are in ./types.ts.
 */
export interface paths {
    "/api/v1/admin/jobs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Job queues and their counts / Hàng đợi tác vụ */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                [key: string]: unknown;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/jobs/dead": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Dead letters: jobs that failed their last retry / Tác vụ lỗi */
        get: {
            parameters: {
                query: {
                    limit: number;
                    queue?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                [key: string]: unknown;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/jobs/dead/{id}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a dead letter to its queue again / Chạy lại tác vụ lỗi */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            jobId: string;
                            queue: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agencies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Agencies of the province / Cơ quan */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            kind: string;
                            name: string;
                            name_en: string;
                            office_hours: unknown;
                            parent_id: string | null;
                            unit_code: string | null;
                        }[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agencies/{id}/office-hours": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Set an agency's office hours / Giờ làm việc của cơ quan
         * @description Blocks of the working day (Vietnam time) and the reception cut-off; `null` restores the default 07:00–11:30, 13:30–17:00, 15:00.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": null | {
                        blocks?: {
                            end: string;
                            start: string;
                        }[];
                        hoursPerDay?: number;
                        receptionCutoff?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            agencyId: string;
                            officeHours: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/citizens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Register a citizen account / Đăng ký tài khoản công dân */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        fullName: string;
                        /** @description 12-digit personal ID number (CCCD) */
                        idNumber: string;
                        password: string;
                        phone: string;
                    };
                };
            };
            responses: {
                /** @description The account, basic until verified. The answer is the same whether or not the ID number has other accounts. */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            assurance: "basic";
                            fullName: string;
                            id: string;
                            username: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in; returns a bearer token and sets the session cookie / Đăng nhập */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        password: string;
                        /** @description A citizen's username is their ID number */
                        username: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            expiresAt: string;
                            token: string;
                            user: {
                                /** @description What the caller may do in the web application (each module grants its own; see its `abilities`) */
                                abilities: ("verify_citizens" | "submit_dossier" | "work_queue" | "counter_intake" | "ioc" | "province_admin" | "gateway_admin" | "record_counter_payment")[];
                                agencyId: string | null;
                                /** @description A citizen's identity assurance: basic (self-registered) or verified (ID number proven); counter dossiers reach only a verified account */
                                assurance?: "basic" | "verified";
                                fullName: string;
                                kind: "citizen" | "officer";
                                /** @description The user's own phone number (to prefill forms); only ever sent to the user themself */
                                phone: string | null;
                                roles: string[];
                                /** Format: uuid */
                                userId: string;
                                username: string;
                            };
                        };
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                423: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign out / Đăng xuất */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user / Người dùng hiện tại */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description What the caller may do in the web application (each module grants its own; see its `abilities`) */
                            abilities: ("verify_citizens" | "submit_dossier" | "work_queue" | "counter_intake" | "ioc" | "province_admin" | "gateway_admin" | "record_counter_payment")[];
                            agencyId: string | null;
                            /** @description A citizen's identity assurance: basic (self-registered) or verified (ID number proven); counter dossiers reach only a verified account */
                            assurance?: "basic" | "verified";
                            fullName: string;
                            kind: "citizen" | "officer";
                            /** @description The user's own phone number (to prefill forms); only ever sent to the user themself */
                            phone: string | null;
                            roles: string[];
                            /** Format: uuid */
                            userId: string;
                            username: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/citizen-accounts/{id}/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Verify a citizen account after checking their ID card at the counter / Xác thực tài khoản công dân tại quầy */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description The officer saw the citizen and their ID card
                         * @enum {boolean}
                         */
                        idCardChecked: true;
                        /** @description The number on the ID card the officer checked; must be the one the account claims */
                        idNumber: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            assurance: "verified";
                            id: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/citizen-accounts/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Citizen accounts claiming an ID number, for verification at the counter / Tài khoản công dân theo số định danh */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description 12-digit personal ID number (CCCD) */
                        idNumber: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                assurance: "basic" | "verified";
                                /** Format: date-time */
                                createdAt: string;
                                disabled: boolean;
                                fullName: string;
                                /** Format: uuid */
                                id: string;
                                /** @description masked */
                                phone: string | null;
                                verifiedAt: string | null;
                                verifiedBy: string | null;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dossiers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's dossiers (citizen) or their agency's (officer), newest first / Hồ sơ của tôi */
        get: {
            parameters: {
                query: {
                    cursor?: string;
                    limit: number;
                    mine?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                channel: string;
                                code: string;
                                dueAt: string | null;
                                procedure: {
                                    code: string;
                                    name: string;
                                    version?: number;
                                };
                                receivedAt: string | null;
                                status: string;
                                statusCode: number;
                                statusName: {
                                    en: string;
                                    vi: string;
                                };
                                submittedAt: string;
                                version: number;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Submit a dossier online / Nộp hồ sơ trực tuyến
         * @description Requires an `Idempotency-Key` header: the same key and body again return the same dossier and create nothing.
         */
        post: {
            parameters: {
                query?: never;
                header: {
                    "idempotency-key": string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        files: {
                            componentCode: string;
                            /** Format: uuid */
                            fileId: string;
                        }[];
                        formData: {
                            [key: string]: unknown;
                        };
                        procedureCode: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description What the caller may do now */
                            allowedActions?: string[];
                            applicant: {
                                idNumber: string;
                                name: string;
                            };
                            channel: string;
                            code: string;
                            communeCode: string | null;
                            /** @description The counter's components checklist, with the scans and pages recorded (digitisation) */
                            components?: {
                                componentCode: string;
                                copies: number;
                                digitised: boolean;
                                form: string;
                                pages: number;
                                scans: number;
                            }[];
                            deadlineState?: string | null;
                            deskAgency: {
                                id: string;
                                name: string;
                                nameEn: string;
                            };
                            dueAt: string | null;
                            files: {
                                componentCode: string;
                                fileId: string;
                                mediaType: string;
                                name: string | null;
                                /** @description Pages of a scan received at the counter */
                                pages?: number | null;
                                sha256: string;
                                size: number;
                            }[];
                            formData: {
                                [key: string]: unknown;
                            };
                            handlingAgency: {
                                id: string;
                                name: string;
                                nameEn: string;
                            };
                            history: {
                                [key: string]: unknown;
                            }[];
                            procedure: {
                                code: string;
                                name: string;
                                version?: number;
                            };
                            rating?: string | null;
                            receivedAt: string | null;
                            rescheduled?: boolean;
                            status: string;
                            statusCode: number;
                            statusName: {
                                en: string;
                                vi: string;
                            };
                            step?: {
                                [key: string]: unknown;
                            } | null;
                            submittedAt: string;
                            version: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dossiers/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A dossier, for its applicant and authorised officers / Chi tiết hồ sơ */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    code: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description What the caller may do now */
                            allowedActions?: string[];
                            applicant: {
                                idNumber: string;
                                name: string;
                            };
                            channel: string;
                            code: string;
                            communeCode: string | null;
                            /** @description The counter's components checklist, with the scans and pages recorded (digitisation) */
                            components?: {
                                componentCode: string;
                                copies: number;
                                digitised: boolean;
                                form: string;
                                pages: number;
                                scans: number;
                            }[];
                            deadlineState?: string | null;
                            deskAgency: {
                                id: string;
                                name: string;
                                nameEn: string;
                            };
                            dueAt: string | null;
                            files: {
                                componentCode: string;
                                fileId: string;
                                mediaType: string;
                                name: string | null;
                                /** @description Pages of a scan received at the counter */
                                pages?: number | null;
                                sha256: string;
                                size: number;
                            }[];
                            formData: {
                                [key: string]: unknown;
                            };
                            handlingAgency: {
                                id: string;
                                name: string;
                                nameEn: string;
                            };
                            history: {
                                [key: string]: unknown;
                            }[];
                            procedure: {
                                code: string;
                                name: string;
                                version?: number;
                            };
                            rating?: string | null;
                            receivedAt: string | null;
                            rescheduled?: boolean;
                            status: string;
                            statusCode: number;
                            statusName: {
                                en: string;
                                vi: string;
                            };
                            step?: {
                                [key: string]: unknown;
                            } | null;
                            submittedAt: string;
                            version: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dossiers/{code}/actions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Perform one action on a dossier / Xử lý hồ sơ
         * @description `If-Match` carries the dossier version the caller saw; a stale version gets 409 with the current state. The allowed actions for the caller are in `GET /dossiers/{code}` → `allowedActions`.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "if-match"?: string;
                };
                path: {
                    code: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        action: "submit" | "receive" | "register_counter" | "refuse" | "request_supplement" | "resubmit_supplement" | "assign" | "forward" | "send_back" | "propose_refusal" | "approve" | "sign" | "transfer" | "request_payment" | "confirm_payment" | "issue_result" | "return_result" | "request_withdrawal" | "accept_withdrawal" | "reschedule" | "rate";
                        /** @description request_payment: any whole amount in đồng from 1 to 1,000,000,000,000 */
                        amountVND?: number;
                        comment?: string;
                        description?: string;
                        /** @description request_payment: the fees and charges the amount is made of; they must add up to `amountVND` */
                        feeItems?: {
                            amountVND: number;
                            name: string;
                        }[];
                        files?: {
                            componentCode: string;
                            /** Format: uuid */
                            fileId: string;
                        }[];
                        items?: string[];
                        /** Format: date-time */
                        newDueAt?: string;
                        note?: string;
                        rating?: "very_satisfied" | "satisfied" | "not_satisfied";
                        reason?: string;
                        /** @description return_result: counter, postal or electronic (default: electronic when the applicant has an account, else counter) */
                        returnMethod?: "counter" | "postal" | "electronic";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description What the caller may do now */
                            allowedActions?: string[];
                            applicant: {
                                idNumber: string;
                                name: string;
                            };
                            channel: string;
                            code: string;
                            communeCode: string | null;
                            /** @description The counter's components checklist, with the scans and pages recorded (digitisation) */
                            components?: {
                                componentCode: string;
                                copies: number;
                                digitised: boolean;
                                form: string;
                                pages: number;
                                scans: number;
                            }[];
                            deadlineState?: string | null;
                            deskAgency: {
                                id: string;
                                name: string;
                                nameEn: string;
                            };
                            dueAt: string | null;
                            files: {
                                componentCode: string;
                                fileId: string;
                                mediaType: string;
                                name: string | null;
                                /** @description Pages of a scan received at the counter */
                                pages?: number | null;
                                sha256: string;
                                size: number;
                            }[];
                            formData: {
                                [key: string]: unknown;
                            };
                            handlingAgency: {
                                id: string;
                                name: string;
                                nameEn: string;
                            };
                            history: {
                                [key: string]: unknown;
                            }[];
                            procedure: {
                                code: string;
                                name: string;
                                version?: number;
                            };
                            rating?: string | null;
                            receivedAt: string | null;
                            rescheduled?: boolean;
                            status: string;
                            statusCode: number;
                            statusName: {
                                en: string;
                                vi: string;
                            };
                            step?: {
                                [key: string]: unknown;
                            } | null;
                            submittedAt: string;
                            version: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                428: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dossiers/{code}/certified-copies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * May I certify this dossier's scans, and which are certified / Chứng thực bản sao: điều kiện và bản đã cấp
         * @description For the desk: `certifiable` (the server's judgement: a certified-copy procedure, the receiving desk, dossier not closed) with `reason` when not, and `copies[{fileId, documentId, title}]` — each scan is certified once.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    code: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            certifiable: boolean;
                            copies: {
                                documentId: string;
                                fileId: string;
                                title: string;
                            }[];
                            reason: string | null;
                        };
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Certify a scan as a true copy of the original (electronic certified copy) / Chứng thực bản sao điện tử từ bản chính
         * @description For dossiers of a certified-copy procedure (e.g. 2.000815), by a counter officer of the receiving desk who saw the original: the scan (`fileId`, attached to the dossier) becomes a PDF signed by the officer and sealed by the agency, registered for verification, and put in the applicant's personal store when the dossier reaches a verified account. A scan is certified once (409 `already-certified`).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    code: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        fileId: string;
                    };
                };
            };
            responses: {
                /** @description the signed certified copy */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dossiers/{code}/documents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A dossier's signed documents (forms 01–05, stop notice, result) / Văn bản của hồ sơ */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    code: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                [key: string]: unknown;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dossiers/{code}/documents/{id}/pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed PDF / Tải văn bản đã ký */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    code: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the file / tệp */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/pdf": string;
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dossiers/{code}/documents/control-sheet": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Issue the processing control sheet now (form 05) / Lập phiếu kiểm soát */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    code: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the sealed form 05 */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dossiers/{code}/fees": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The catalogue's fees for a dossier / Phí, lệ phí theo danh mục thủ tục */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    code: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            fees: {
                                amountVND: number | null;
                                channel: string;
                                exempt: boolean;
                                text: string | null;
                            }[];
                            intakeChannel: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dossiers/{code}/files/{fileId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A document of a dossier, for those who may read the dossier / Xem giấy tờ của hồ sơ */
        get: {
            parameters: {
                query?: {
                    /** @description attachment (default) or inline, for a preview in the page */
                    disposition?: "attachment" | "inline";
                };
                header?: never;
                path: {
                    code: string;
                    fileId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the file / tệp */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/pdf": string;
                        "image/jpeg": string;
                        "image/png": string;
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dossiers/{code}/payments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Payment requests and payments of a dossier / Các yêu cầu và khoản thanh toán của hồ sơ */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    code: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            dossierStatus: number;
                            items: {
                                amount: number;
                                channel: string;
                                confirmedAt: string | null;
                                createdAt: string;
                                excess: boolean;
                                id: string;
                                /** @description the signed electronic receipt: GET /dossiers/{code}/documents/{id}/pdf, and in the payer's documents (GET /me/documents) */
                                receiptId: string | null;
                                requestId: string;
                                status: string;
                            }[];
                            requests: {
                                dueAt: string;
                                id: string;
                                items: {
                                    amountVND: number;
                                    name: string;
                                }[];
                                payee: {
                                    accountName: string;
                                    accountNumber: string;
                                    bankName: string;
                                };
                                requestedAt: string;
                                seq: number;
                                settledPaymentId: string | null;
                                status: string;
                                total: number;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Pay the requested fees / Thanh toán phí, lệ phí
         * @description By the dossier's applicant, while the dossier is in status 6. `paymentUrl` is where to send the browser; the payment is `pending` until the channel confirms it.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    code: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {unknown} */
                        channel: "vnpay" | "paygov" | "counter";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description VND */
                            amount: number;
                            /** @enum {unknown} */
                            channel: "vnpay" | "paygov" | "counter";
                            /** Format: uuid */
                            id: string;
                            /** @description where to send the browser (null: pay at the desk) */
                            paymentUrl: string | null;
                            /** @enum {unknown} */
                            status: "pending" | "confirmed" | "failed" | "cancelled" | "refunded";
                        };
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dossiers/{code}/payments/counter": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record a payment at the desk / Ghi nhận thu phí tại quầy */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    code: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        method: "cash" | "card";
                        reference?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description VND */
                            amount: number;
                            /** @enum {unknown} */
                            channel: "vnpay" | "paygov" | "counter";
                            /** Format: uuid */
                            id: string;
                            /** @description where to send the browser (null: pay at the desk) */
                            paymentUrl: string | null;
                            /** @enum {unknown} */
                            status: "pending" | "confirmed" | "failed" | "cancelled" | "refunded";
                        };
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dossiers/{code}/result-draft": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The draft result, to read before signing / Dự thảo kết quả trước khi ký
         * @description The result PDF as it would be signed now, unsigned and marked "DỰ THẢO" on every page; nothing is stored. Officers who may see the dossier, while it is processed and its result not yet signed (409 `no-result-draft` otherwise).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    code: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dossiers/counter": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Register a paper dossier at the counter / Tiếp nhận hồ sơ trực tiếp
         * @description Serves every procedure. With an e-form, `formData` is that form; without one (e.g. certified copies), the generic counter form: `applicant` (name, ID number, phone, address), `notes`, and `formData` may carry only `communeCode`. `checklist` lists the components received on paper (original, copy or certified copy; copies); `files` are the scans, each recorded as digitised with its page count. A required component must be in the checklist or scanned.
         */
        post: {
            parameters: {
                query?: never;
                header: {
                    "idempotency-key": string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        applicant: {
                            address?: string;
                            fullName: string;
                            idNumber: string;
                            phone?: string;
                        };
                        channel: "direct" | "postal";
                        checklist?: {
                            componentCode: string;
                            copies: number;
                            /** @description bản chính, bản sao, bản sao có chứng thực */
                            form: "original" | "copy" | "certified_copy";
                        }[];
                        files: {
                            componentCode: string;
                            /** Format: uuid */
                            fileId: string;
                        }[];
                        formData?: {
                            [key: string]: unknown;
                        };
                        notes?: string;
                        procedureCode: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description What the caller may do now */
                            allowedActions?: string[];
                            applicant: {
                                idNumber: string;
                                name: string;
                            };
                            channel: string;
                            code: string;
                            communeCode: string | null;
                            /** @description The counter's components checklist, with the scans and pages recorded (digitisation) */
                            components?: {
                                componentCode: string;
                                copies: number;
                                digitised: boolean;
                                form: string;
                                pages: number;
                                scans: number;
                            }[];
                            deadlineState?: string | null;
                            deskAgency: {
                                id: string;
                                name: string;
                                nameEn: string;
                            };
                            dueAt: string | null;
                            files: {
                                componentCode: string;
                                fileId: string;
                                mediaType: string;
                                name: string | null;
                                /** @description Pages of a scan received at the counter */
                                pages?: number | null;
                                sha256: string;
                                size: number;
                            }[];
                            formData: {
                                [key: string]: unknown;
                            };
                            handlingAgency: {
                                id: string;
                                name: string;
                                nameEn: string;
                            };
                            history: {
                                [key: string]: unknown;
                            }[];
                            procedure: {
                                code: string;
                                name: string;
                                version?: number;
                            };
                            rating?: string | null;
                            receivedAt: string | null;
                            rescheduled?: boolean;
                            status: string;
                            statusCode: number;
                            statusName: {
                                en: string;
                                vi: string;
                            };
                            step?: {
                                [key: string]: unknown;
                            } | null;
                            submittedAt: string;
                            version: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/files": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Upload one file (multipart/form-data, field "file") / Tải lên tệp
         * @description Only PDF, JPEG and PNG, recognised by their bytes; a PDF with JavaScript, actions on opening, embedded files or rich media is refused (422 `pdf-active-content`), as is one that cannot be checked (422 `pdf-unreadable`: encrypted, damaged). Stored content-addressed by SHA-256. Limits: `FILE_MAX_BYTES` per file and `UPLOAD_QUOTA_BYTES` per account (413 `upload-quota-exceeded`), both refused before the body is read when `Content-Length` says so. An upload not attached to a dossier within `UPLOAD_ORPHAN_HOURS` is deleted.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "multipart/form-data": {
                        /**
                         * Format: binary
                         * @description the file / tệp
                         */
                        file: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            mediaType: string;
                            sha256: string;
                            size: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/files/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download one of my own uploads / Tải tệp đã tải lên
         * @description Only the uploader; a file attached to a dossier is read through `/dossiers/{code}/files/{fileId}`.
         */
        get: {
            parameters: {
                query?: {
                    /** @description attachment (default) or inline, for a preview in the page */
                    disposition?: "attachment" | "inline";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the file / tệp */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/pdf": string;
                        "image/jpeg": string;
                        "image/png": string;
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/gateway/credentials": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Client credentials, without secrets / Danh sách thông tin xác thực */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                clientId: string;
                                /** Format: date-time */
                                createdAt: string;
                                fingerprint: string | null;
                                kind: "secret" | "certificate";
                                revokedAt: string | null;
                                subsystem: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        /** Create a client credential: a client id and secret (shown once), or a TLS certificate / Cấp thông tin xác thực */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description PEM certificate issued by the province CA (else a secret is made) */
                        certificate?: string;
                        /** @description INSTANCE/CLASS/MEMBER/SUBSYSTEM */
                        subsystem: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            clientId: string;
                            /** @description shown only in this response; the gateway keeps only its Argon2id hash */
                            clientSecret?: string;
                            credentialId: string;
                            /** @description SHA-256 of the certificate, hex */
                            fingerprint?: string;
                            subsystem: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/gateway/credentials/{clientId}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revoke a client credential / Thu hồi thông tin xác thực */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    clientId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            clientId: string;
                            revoked: boolean;
                            revokedAt: string | null;
                        };
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/gateway/groups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Register a group of subsystems / Tạo nhóm */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        code: string;
                        description?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            description: string;
                            id: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/gateway/groups/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add a subsystem to a group / Thêm vào nhóm */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        group: string;
                        /** @description INSTANCE/CLASS/MEMBER/SUBSYSTEM */
                        subsystem: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            added: boolean;
                            group: string;
                            subsystem: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/gateway/groups/members/remove": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Remove a subsystem from a group / Bỏ khỏi nhóm */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        group: string;
                        /** @description INSTANCE/CLASS/MEMBER/SUBSYSTEM */
                        subsystem: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            group: string;
                            removed: boolean;
                            subsystem: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/gateway/log": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Search the message log / Tra cứu nhật ký thông điệp */
        get: {
            parameters: {
                query: {
                    client?: string;
                    cursor?: string;
                    from?: string;
                    limit: number;
                    service?: string;
                    to?: string;
                    xRoadId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: date-time */
                                at: string;
                                /** @description base64 */
                                bodySha512: string;
                                bodySize: number;
                                client: string;
                                digestOnly: boolean;
                                error: string | null;
                                id: string;
                                kind: "request" | "response";
                                method: string;
                                path: string;
                                requestId: string;
                                service: string;
                                status: number | null;
                                timestamped: boolean;
                                xRoadId: string;
                            }[];
                            next: string | null;
                        };
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/gateway/log/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One message of the log, with headers and body / Một thông điệp trong nhật ký */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            at: string;
                            /** @description base64 */
                            bodySha512: string;
                            bodySize: number;
                            client: string;
                            digestOnly: boolean;
                            error: string | null;
                            id: string;
                            kind: "request" | "response";
                            method: string;
                            path: string;
                            requestId: string;
                            service: string;
                            status: number | null;
                            timestamped: boolean;
                            xRoadId: string;
                        } & {
                            body: string | null;
                            bodyOmitted: boolean;
                            headers: {
                                [key: string]: string;
                            };
                        };
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/gateway/log/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether the message log's time-stamps keep up / Tình trạng nhật ký thông điệp */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            healthy: boolean;
                            lastTimestampAt: string | null;
                            reason?: string;
                            refuseTraffic: boolean;
                            untimestamped: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/gateway/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Register a member (organisation) / Đăng ký thành viên */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description INSTANCE/CLASS/MEMBER */
                        id: string;
                        name?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/gateway/monitoring": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Gateway operational monitoring / Giám sát vận hành nền tảng tích hợp */
        get: {
            parameters: {
                query?: {
                    /** @description start (default: an hour before to) */
                    from?: string;
                    /** @description end, exclusive (default: the end of the current minute) */
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            from: string;
                            rows: {
                                buckets: {
                                    count: number;
                                    /** @description upper bound in ms; null = slower than the last bound */
                                    leMs: number | null;
                                }[];
                                bytesIn: number;
                                bytesOut: number;
                                /** @description client subsystem INSTANCE/CLASS/MEMBER/SUBSYSTEM (unknown: not a valid identifier; other: beyond the label limit) */
                                client: string;
                                errors: number;
                                /** @description milliseconds, estimated from the latency buckets; null without data */
                                p50Ms: number | null;
                                /** @description milliseconds, estimated from the latency buckets; null without data */
                                p95Ms: number | null;
                                /** @description milliseconds, estimated from the latency buckets; null without data */
                                p99Ms: number | null;
                                requests: number;
                                /** @description service INSTANCE/CLASS/MEMBER/SUBSYSTEM/SERVICE */
                                service: string;
                            }[];
                            series: {
                                /** Format: date-time */
                                at: string;
                                errors: number;
                                /** @description milliseconds, estimated from the latency buckets; null without data */
                                p95Ms: number | null;
                                requests: number;
                            }[];
                            /** @description minutes per point of the series */
                            stepMinutes: number;
                            /** Format: date-time */
                            to: string;
                            totals: {
                                bytesIn: number;
                                bytesOut: number;
                                errors: number;
                                requests: number;
                            };
                        };
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/gateway/registry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The registry: members, subsystems, credentials (no secrets), services, rights, groups / Danh bạ LGSP */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            groups: {
                                code: string;
                                description: string;
                                id: string;
                                members: string[];
                            }[];
                            instance: string;
                            members: {
                                createdAt: string;
                                id: string;
                                instance: string;
                                memberClass: string;
                                memberCode: string;
                                name: string;
                                subsystems: {
                                    code: string;
                                    createdAt: string;
                                    credentials: {
                                        clientId: string;
                                        /** Format: date-time */
                                        createdAt: string;
                                        fingerprint: string | null;
                                        kind: "secret" | "certificate";
                                        revokedAt: string | null;
                                    }[];
                                    id: string;
                                    name: string;
                                }[];
                            }[];
                            services: {
                                code: string;
                                digestOnly: boolean;
                                disabled: boolean;
                                endpoints: {
                                    method: string;
                                    path: string;
                                }[];
                                hasOpenApi: boolean;
                                id: string;
                                provider: string;
                                rights: {
                                    createdAt: string;
                                    method: string;
                                    path: string;
                                    subject: string;
                                }[];
                                timeoutMs: number | null;
                                title: string;
                                updatedAt: string;
                                url: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/gateway/rights": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Grant an access right / Cấp quyền truy cập */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS or * (any) */
                        method?: string;
                        /** @description `*` (any), or a path from `/`, `*` or `{param}` matching one segment */
                        path?: string;
                        /** @description INSTANCE/CLASS/MEMBER/SUBSYSTEM/SERVICE */
                        service: string;
                        /** @description a subsystem INSTANCE/CLASS/MEMBER/SUBSYSTEM, a group `group:CODE`, or an OAuth client_id */
                        subject: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            granted: boolean;
                            method: string;
                            path: string;
                            service: string;
                            subject: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/gateway/rights/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revoke access rights (the one with method and path, or all of the subject's on the service) / Thu hồi quyền */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS or * (any) */
                        method?: string;
                        /** @description `*` (any), or a path from `/`, `*` or `{param}` matching one segment */
                        path?: string;
                        /** @description INSTANCE/CLASS/MEMBER/SUBSYSTEM/SERVICE */
                        service: string;
                        /** @description a subsystem INSTANCE/CLASS/MEMBER/SUBSYSTEM, a group `group:CODE`, or an OAuth client_id */
                        subject: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            removed: {
                                method: string;
                                path: string;
                            }[];
                            service: string;
                            subject: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/gateway/services": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Register or update a service (OpenAPI import, endpoints, digest-only, disable) / Đăng ký, cập nhật dịch vụ
         * @description Upsert by identifier: only the fields given change. With `openapi` (JSON or YAML text) its endpoints replace the service's and its first server is the default `url`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description register the provider subsystem (and member) when missing */
                        createSubsystem?: boolean;
                        /** @description the message log keeps only the bodies' digests */
                        digestOnly?: boolean;
                        disabled?: boolean;
                        /** @description endpoints by hand (without openapi) */
                        endpoints?: {
                            /** @description GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS or * (any) */
                            method: string;
                            /** @description `*` (any), or a path from `/`, `*` or `{param}` matching one segment */
                            path: string;
                        }[];
                        /** @description INSTANCE/CLASS/MEMBER/SUBSYSTEM/SERVICE */
                        id: string;
                        /** @description OpenAPI 3 document, JSON or YAML text; its endpoints replace the service's */
                        openapi?: string;
                        timeoutMs?: number | null;
                        title?: string;
                        /** @description backend base URL, http or https (default: the OpenAPI document's first server) */
                        url?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            created: boolean;
                            digestOnly: boolean;
                            disabled: boolean;
                            endpoints: {
                                method: string;
                                path: string;
                            }[];
                            hasOpenApi: boolean;
                            id: string;
                            timeoutMs: number | null;
                            title: string;
                            url: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/gateway/services/openapi": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A service's OpenAPI document as imported / Tài liệu OpenAPI của dịch vụ */
        get: {
            parameters: {
                query: {
                    /** @description INSTANCE/CLASS/MEMBER/SUBSYSTEM/SERVICE */
                    id: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/gateway/subsystems": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Register a subsystem (and its member when missing) / Đăng ký hệ thống con */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description INSTANCE/CLASS/MEMBER/SUBSYSTEM */
                        id: string;
                        memberName?: string;
                        name?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            created: boolean;
                            id: string;
                            memberCreated: boolean;
                            name: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ioc/dashboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Everything the IOC dashboard shows, in one call / Dữ liệu bảng điều khiển
         * @description Index, figures, previous period and change, 12-month series, agency ranking, procedures and communes tables, top late procedures. `format=csv&table=` exports one table.
         */
        get: {
            parameters: {
                query?: {
                    format?: "json" | "csv";
                    /** @description agency id, procedure code or commune code */
                    id?: string;
                    /** @description province | agency | procedure | commune */
                    level?: "province" | "agency" | "procedure" | "commune";
                    /** @description 2026 (year), 2026-Q1 (quarter) or 2026-03 (month); default: the current year */
                    period?: string;
                    /** @description which table to export as CSV (default summary) */
                    table?: "summary" | "index" | "monthly" | "agencies" | "procedures" | "communes" | "topLateProcedures";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ioc/figures": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Operational figures / Số liệu giải quyết TTHC
         * @description With `id` (or level=province): the entity's figures, the previous period and the change, top late procedures and (province) the agency ranking. Without `id`: one row per entity of the level.
         */
        get: {
            parameters: {
                query?: {
                    format?: "json" | "csv";
                    /** @description agency id, procedure code or commune code */
                    id?: string;
                    /** @description province | agency | procedure | commune */
                    level?: "province" | "agency" | "procedure" | "commune";
                    /** @description 2026 (year), 2026-Q1 (quarter) or 2026-03 (month); default: the current year */
                    period?: string;
                    /** @description which table to export as CSV (default summary) */
                    table?: "summary" | "agencies" | "topLateProcedures";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ioc/index": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Decision 766 index (100 points) / Chỉ số phục vụ người dân, doanh nghiệp
         * @description Scored per entity of the level (all with activity in the period, or `id`). Indicators whose input the platform does not produce are `no_data` (points null); `normalized` = score / scorableMax × 100.
         */
        get: {
            parameters: {
                query?: {
                    format?: "json" | "csv";
                    /** @description agency id, procedure code or commune code */
                    id?: string;
                    /** @description province | agency | procedure | commune */
                    level?: "province" | "agency" | "procedure" | "commune";
                    /** @description 2026 (year), 2026-Q1 (quarter) or 2026-03 (month); default: the current year */
                    period?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ioc/late-dossiers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The late dossiers behind the figures / Hồ sơ trễ hạn
         * @description Dossiers of the entity whose result came after the due date in the period (newest first) and, for the period containing today, open dossiers past due (most overdue first). Codes, procedures, agencies, communes and dates; no personal data.
         */
        get: {
            parameters: {
                query?: {
                    format?: "json" | "csv";
                    /** @description agency id, procedure code or commune code */
                    id?: string;
                    /** @description province | agency | procedure | commune */
                    level?: "province" | "agency" | "procedure" | "commune";
                    /** @description at most this many of each kind */
                    limit?: number;
                    /** @description 2026 (year), 2026-Q1 (quarter) or 2026-03 (month); default: the current year */
                    period?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ioc/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Live updates (server-sent events) / Cập nhật trực tiếp
         * @description `event: changed` when new dossier events have been applied to the figures (reload the dashboard data); a `: heartbeat` comment every 15 s.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/documents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * My personal document store: signed results / Kho dữ liệu điện tử của tôi
         * @description Each item's `fileId` can be attached to a new dossier as a component instead of uploading it again.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                [key: string]: unknown;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/meta": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This installation: demo or production, upload limits / Thông tin hệ thống */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description demo: seeded with published demo accounts (every page shows a banner); production: MOTCUA_ENV=production */
                            environment: "demo" | "production";
                            uploads: {
                                /** @description The largest file one upload may carry (FILE_MAX_BYTES); the web app states it before an upload */
                                maxBytes: number;
                                /** @description The kinds of file accepted, recognised by their content */
                                types: string[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My notifications, newest first / Thông báo của tôi */
        get: {
            parameters: {
                query: {
                    limit: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                [key: string]: unknown;
                            }[];
                            unread: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/{id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark read / Đánh dấu đã đọc */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One payment, as the server knows it / Trạng thái một khoản thanh toán */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            amount: number;
                            channel: string;
                            confirmedAt: string | null;
                            createdAt: string;
                            excess: boolean;
                            id: string;
                            /** @description the signed electronic receipt: GET /dossiers/{code}/documents/{id}/pdf, and in the payer's documents (GET /me/documents) */
                            receiptId: string | null;
                            requestId: string;
                            status: string;
                        } & {
                            code: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payments/{id}/refund": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Refund an overpayment / Hoàn trả khoản nộp thừa
         * @description A payment confirmed for a request another payment had already settled (`excess`); recorded with its reason, audited and receipted.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            refundReceiptId: string;
                            /** @enum {string} */
                            status: "refunded";
                        };
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payments/vnpay/ipn": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * VNPay IPN (server to server) / Thông báo kết quả thanh toán từ VNPay
         * @description Answers `{RspCode, Message}`, checked in this order: 97 bad checksum, 01 order not found, 04 wrong amount, 02 already confirmed, 00 confirmed, 99 other.
         */
        get: {
            parameters: {
                query?: {
                    vnp_Amount?: string;
                    vnp_BankCode?: string;
                    vnp_BankTranNo?: string;
                    vnp_CardType?: string;
                    vnp_OrderInfo?: string;
                    vnp_PayDate?: string;
                    vnp_ResponseCode?: string;
                    vnp_SecureHash?: string;
                    vnp_SecureHashType?: string;
                    vnp_TmnCode?: string;
                    vnp_TransactionNo?: string;
                    vnp_TransactionStatus?: string;
                    vnp_TxnRef?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            Message: string;
                            RspCode: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/pki/ca": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The PKI's trust anchors and intermediates (PEM) / Chứng thư số gốc */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                [key: string]: unknown;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/pki/crl/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The latest CRL of an issuing certificate (DER) / Danh sách thu hồi */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the file / tệp */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/pkix-crl": string;
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/procedure-fields": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Fields (lĩnh vực) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            name: string;
                        }[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/procedures": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Search administrative procedures / Tra cứu thủ tục hành chính
         * @description `q` matches code, name and field with or without Vietnamese diacritics; every word must match. What people call things and English words are searched too ("giấy khai sinh", "sổ đỏ", "birth registration", "passport": the list in `src/modules/catalog/synonyms.json`); whole-phrase matches come first.
         */
        get: {
            parameters: {
                query: {
                    /** @description agency ID or agency kind */
                    agency?: string;
                    field?: string;
                    level?: "province" | "commune";
                    limit: number;
                    offset: number;
                    onlineLevel?: "full" | "partial" | "none";
                    q?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                agencyKind: string;
                                agencyText: string;
                                channels: ({
                                    channel: "direct" | "online" | "postal";
                                    feeText: string | null;
                                    feeVND: number | null;
                                    timeText: string | null;
                                    workingDays: number | null;
                                } & {
                                    [key: string]: unknown;
                                })[];
                                code: string;
                                fieldCode: string;
                                fieldName: string;
                                level: string;
                                name: string;
                                onlineLevel: "full" | "partial" | null;
                                version: number;
                            }[];
                            total: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/procedures/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A procedure with its components and e-form / Chi tiết thủ tục */
        get: {
            parameters: {
                query?: {
                    version?: number;
                };
                header?: never;
                path: {
                    code: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            agencyKind: string;
                            agencyText: string;
                            applicants: string | null;
                            channels: ({
                                channel: "direct" | "online" | "postal";
                                feeText: string | null;
                                feeVND: number | null;
                                timeText: string | null;
                                workingDays: number | null;
                            } & {
                                [key: string]: unknown;
                            })[];
                            code: string;
                            components: ({
                                code: string;
                                copies: number;
                                formTemplate: string | null;
                                group: string | null;
                                name: string;
                                originals: number;
                                required: boolean;
                            } & {
                                [key: string]: unknown;
                            })[];
                            eform: {
                                [key: string]: unknown;
                            } | null;
                            fieldCode: string;
                            fieldName: string;
                            issuingMinistry: string | null;
                            legalBasis: string[];
                            level: string;
                            name: string;
                            onlineLevel: "full" | "partial" | null;
                            requirements: string | null;
                            results: {
                                code: string | null;
                                name: string;
                            }[];
                            sourceUrl: string | null;
                            steps: string[];
                            version: number;
                            whereToSubmit: string | null;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/procedures/{code}/process": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A procedure's process (steps, roles, allowances) / Quy trình xử lý */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    code: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        /** Publish a new version of a procedure's process (validated) / Cấu hình quy trình */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    code: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/procedures/popular": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Most-used procedures (dossiers in the last 90 days) / Thủ tục được sử dụng nhiều */
        get: {
            parameters: {
                query: {
                    limit: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: ({
                                code: string;
                                dossiers: number;
                                name: string;
                            } & {
                                [key: string]: unknown;
                            })[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/dossiers/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Public status of a dossier, without personal data / Tra cứu tình trạng hồ sơ
         * @description Prefer `POST /public/dossiers/lookup`, which keeps the ID number out of the URL; query strings are never logged.
         */
        get: {
            parameters: {
                query: {
                    /** @description The applicant's personal ID number */
                    idNumber: string;
                };
                header?: never;
                path: {
                    code: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            channel: string;
                            code: string;
                            deskAgency: {
                                id: string;
                                name: string;
                                nameEn: string;
                            };
                            dueAt: string | null;
                            handlingAgency: {
                                id: string;
                                name: string;
                                nameEn: string;
                            };
                            procedure: {
                                code: string;
                                name: string;
                                version?: number;
                            };
                            receivedAt: string | null;
                            status: string;
                            statusCode: number;
                            statusName: {
                                en: string;
                                vi: string;
                            };
                            submittedAt: string;
                            version: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/dossiers/lookup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Public status of a dossier (ID number in the body) / Tra cứu tình trạng hồ sơ */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        code: string;
                        /** @description The applicant's personal ID number */
                        idNumber: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            channel: string;
                            code: string;
                            deskAgency: {
                                id: string;
                                name: string;
                                nameEn: string;
                            };
                            dueAt: string | null;
                            handlingAgency: {
                                id: string;
                                name: string;
                                nameEn: string;
                            };
                            procedure: {
                                code: string;
                                name: string;
                                version?: number;
                            };
                            receivedAt: string | null;
                            status: string;
                            statusCode: number;
                            statusName: {
                                en: string;
                                vi: string;
                            };
                            submittedAt: string;
                            version: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Verify a signed PDF, no sign-in / Kiểm tra văn bản điện tử
         * @description The PDF as `application/pdf` or `multipart/form-data` (field `file`). Every signature is checked byte for byte: digest of the signed ranges, CMS signature, chain to a trusted root, revocation (CRL). Any changed byte makes it invalid. Limits: `FILE_MAX_BYTES` (413, refused before the body is read when `Content-Length` says so), `VERIFY_MAX_SIGNATURES` (reported as `too_many_signatures`), `VERIFY_TIMEOUT_MS` (422 `verification-timeout`).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/pdf": string;
                    "multipart/form-data": {
                        /**
                         * Format: binary
                         * @description the file / tệp
                         */
                        file: string;
                    };
                };
            };
            responses: {
                /** @description valid, intact, problems[{code, vi, en}], sha256, size, signatures[{signer, claimedSigningTime, timestamp, digestMatches, signatureValid, coversWholeFile, chainTrusted, chain, certValidAtSigning, revocation}], document, dossier (public summary) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/verify/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Verify a registered document (the QR code) / Kiểm tra văn bản theo mã */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description valid, intact, problems[{code, vi, en}], sha256, size, signatures[{signer, claimedSigningTime, timestamp, digestMatches, signatureValid, coversWholeFile, chainTrusted, chain, certValidAtSigning, revocation}], document, dossier (public summary) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workqueue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's work queue, by due date / Hồ sơ cần xử lý */
        get: {
            parameters: {
                query: {
                    code?: string;
                    cursor?: string;
                    due?: "soon" | "overdue";
                    limit: number;
                    procedure?: string;
                    status?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                [key: string]: unknown;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description RFC 9457 problem details, with Vietnamese and English titles */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * Problem
         * @description RFC 9457 problem details, with Vietnamese and English titles
         */
        "def-0": {
            detail?: string;
            /** @description The same in plain English */
            detailEn?: string;
            /** @description The detail in plain Vietnamese for the person using the application (present when the detail is written for people) */
            detailVi?: string;
            errors?: {
                detail: string;
                pointer: string;
            }[];
            instance?: string;
            status: number;
            title: string;
            titleEn: string;
            titleVi: string;
            type: string;
        } & {
            [key: string]: unknown;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
